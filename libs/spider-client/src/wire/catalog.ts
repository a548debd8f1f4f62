import type {
  GpuInfo,
  ImageInfo,
  ImageStatus,
  OSArchitecture,
  OSPlatform,
  Price,
  RegionZoneInfo,
  VMSpecInfo,
  ZoneInfo,
  ZoneStatus,
} from '@cb/driver-sdk';
import type { spider } from '@cb/proto';
import type { ConnectionConfigInfo } from '../types';
import {
  fromJsonValue,
  fromKeyValues,
  type Init,
  nonEmpty,
  present,
  toJsonValue,
  toKeyValues,
  fromIid,
  toIid,
} from './common';

/*
 * Connection configs, regions/zones, images, specs and prices: upstream shape <-> cb.spider.v1 message.
 * Enum-like values (OSPlatform, ZoneStatus, ...) travel as upstream's strings, unchanged.
 */

export function toConnectionConfigMessage(c: ConnectionConfigInfo): Init<typeof spider.ConnectionConfigInfoSchema> {
  return {
    configName: c.ConfigName,
    providerName: c.ProviderName,
    driverName: c.DriverName,
    credentialName: c.CredentialName,
    regionName: c.RegionName,
  };
}

export function fromConnectionConfigMessage(m: spider.ConnectionConfigInfo): ConnectionConfigInfo {
  return {
    ConfigName: m.configName,
    ProviderName: m.providerName,
    DriverName: m.driverName,
    CredentialName: m.credentialName,
    RegionName: m.regionName,
  };
}

function toZoneMessage(z: ZoneInfo): Init<typeof spider.ZoneInfoSchema> {
  return {
    name: z.Name,
    displayName: z.DisplayName,
    cspDisplayName: z.CSPDisplayName,
    status: z.Status,
    keyValueList: toKeyValues(z.KeyValueList),
  };
}

function fromZoneMessage(m: spider.ZoneInfo): ZoneInfo {
  return {
    Name: m.name,
    DisplayName: m.displayName,
    CSPDisplayName: m.cspDisplayName,
    Status: m.status as ZoneStatus,
    ...nonEmpty('KeyValueList', fromKeyValues(m.keyValueList)),
  };
}

export function toRegionZoneMessage(r: RegionZoneInfo): Init<typeof spider.RegionZoneInfoSchema> {
  return {
    name: r.Name,
    displayName: r.DisplayName,
    cspDisplayName: r.CSPDisplayName,
    zoneList: r.ZoneList.map(toZoneMessage),
    keyValueList: toKeyValues(r.KeyValueList),
  };
}

export function fromRegionZoneMessage(m: spider.RegionZoneInfo): RegionZoneInfo {
  return {
    Name: m.name,
    DisplayName: m.displayName,
    CSPDisplayName: m.cspDisplayName,
    ZoneList: m.zoneList.map(fromZoneMessage),
    ...nonEmpty('KeyValueList', fromKeyValues(m.keyValueList)),
  };
}

export function toImageMessage(i: ImageInfo): Init<typeof spider.ImageInfoSchema> {
  return {
    iid: toIid(i.IId),
    name: i.Name,
    osArchitecture: i.OSArchitecture,
    osPlatform: i.OSPlatform,
    osDistribution: i.OSDistribution,
    osDiskType: i.OSDiskType,
    osDiskSizeGb: i.OSDiskSizeGB,
    imageStatus: i.ImageStatus,
    keyValueList: toKeyValues(i.KeyValueList),
  };
}

/** Runs once per streamed image: built in one shape, without spreads (the key/values are left out when none). */
export function fromImageMessage(m: spider.ImageInfo): ImageInfo {
  const image: ImageInfo = {
    IId: fromIid(m.iid),
    Name: m.name,
    OSArchitecture: m.osArchitecture as OSArchitecture,
    OSPlatform: m.osPlatform as OSPlatform,
    OSDistribution: m.osDistribution,
    OSDiskType: m.osDiskType,
    OSDiskSizeGB: m.osDiskSizeGb,
    ImageStatus: m.imageStatus as ImageStatus,
  };
  if (m.keyValueList.length > 0) image.KeyValueList = fromKeyValues(m.keyValueList);
  return image;
}

function toGpuMessage(g: GpuInfo): Init<typeof spider.GpuInfoSchema> {
  return { count: g.Count, mfr: g.Mfr, model: g.Model, memSizeGb: g.MemSizeGB, totalMemSizeGb: g.TotalMemSizeGB };
}

function fromGpuMessage(m: spider.GpuInfo): GpuInfo {
  return { Count: m.count, Mfr: m.mfr, Model: m.model, MemSizeGB: m.memSizeGb, TotalMemSizeGB: m.totalMemSizeGb };
}

export function toSpecMessage(s: VMSpecInfo): Init<typeof spider.VmSpecInfoSchema> {
  return {
    region: s.Region,
    name: s.Name,
    vCpu: { count: s.VCpu.Count, clockGhz: s.VCpu.ClockGHz },
    memSizeMib: s.MemSizeMiB,
    diskSizeGb: s.DiskSizeGB,
    gpu: (s.Gpu ?? []).map(toGpuMessage),
    keyValueList: toKeyValues(s.KeyValueList),
  };
}

export function fromSpecMessage(m: spider.VmSpecInfo): VMSpecInfo {
  return {
    Region: m.region,
    Name: m.name,
    VCpu: { Count: m.vCpu?.count ?? '', ClockGHz: m.vCpu?.clockGhz ?? '' },
    MemSizeMiB: m.memSizeMib,
    DiskSizeGB: m.diskSizeGb,
    ...nonEmpty('Gpu', m.gpu.map(fromGpuMessage)),
    ...nonEmpty('KeyValueList', fromKeyValues(m.keyValueList)),
  };
}

export function toPriceMessage(p: Price): Init<typeof spider.PriceSchema> {
  const { ProductInfo: product, PriceInfo: price } = p;
  return {
    zoneName: p.ZoneName,
    productInfo: {
      productId: product.ProductId,
      vmSpecName: product.VMSpecName,
      vmSpecInfo: product.VMSpecInfo && toSpecMessage(product.VMSpecInfo),
      description: product.Description,
      cspProductInfo: toJsonValue(product.CSPProductInfo),
    },
    priceInfo: {
      onDemand: {
        pricingId: price.OnDemand.PricingId,
        unit: price.OnDemand.Unit,
        currency: price.OnDemand.Currency,
        price: price.OnDemand.Price,
        description: price.OnDemand.Description,
      },
      cspPriceInfo: toJsonValue(price.CSPPriceInfo),
    },
  };
}

export function fromPriceMessage(m: spider.Price): Price {
  const product = m.productInfo;
  const onDemand = m.priceInfo?.onDemand;
  return {
    ZoneName: m.zoneName,
    ProductInfo: {
      ProductId: product?.productId ?? '',
      ...present('VMSpecName', product?.vmSpecName),
      ...present('VMSpecInfo', product?.vmSpecInfo && fromSpecMessage(product.vmSpecInfo)),
      Description: product?.description ?? '',
      ...present('CSPProductInfo', fromJsonValue(product?.cspProductInfo)),
    },
    PriceInfo: {
      OnDemand: {
        PricingId: onDemand?.pricingId ?? '',
        Unit: onDemand?.unit ?? '',
        Currency: onDemand?.currency ?? '',
        Price: onDemand?.price ?? '',
        Description: onDemand?.description ?? '',
      },
      ...present('CSPPriceInfo', fromJsonValue(m.priceInfo?.cspPriceInfo)),
    },
  };
}
