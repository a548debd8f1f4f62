import type { CloudConnection, ImageInfo, VMSpecInfo } from '@cb/driver-sdk';
import { NotFoundError } from '@cb/errors';
import { required } from '../../domain/calls';
import type { ConnectionScope } from '../../domain/resources/connection-scope';
import type { ResourceRuntime } from '../../domain/resources/resource-runtime';
import { records, streamThroughGateway } from './gateway-stream';
import type { Catalogs } from './spider-domain';

/** Upstream maps the VM product family per cloud (its /priceinfo/vm route). */
const VM_PRODUCT_FAMILY: Record<string, string> = {
  AWS: 'Compute Instance',
  MOCK: 'Compute Instance',
  AZURE: 'Compute',
  GCP: 'Compute',
  ALIBABA: 'ecs',
  TENCENT: 'cvm',
  IBM: 'is.instance',
  NCP: 'Server',
};

const image = (scope: ConnectionScope) => (cloud: CloudConnection) => required(cloud.image(), 'images', scope.provider);
const vmSpec = (scope: ConnectionScope) => (cloud: CloudConnection) =>
  required(cloud.vmSpec(), 'VM specs', scope.provider);
const regionZone = (scope: ConnectionScope) => (cloud: CloudConnection) =>
  required(cloud.regionZone(), 'region/zone', scope.provider);
const price = (scope: ConnectionScope) => (cloud: CloudConnection) =>
  required(cloud.price(), 'price info', scope.provider);

/**
 * Regions/zones, images, specs and prices read from the connection's driver through the call gateway.
 * Nothing is stored: upstream keeps no catalog either. The lists stream end to end, never held whole.
 */
export function driverCatalogs(runtime: ResourceRuntime): Catalogs {
  return {
    async listRegionZones(connectionName) {
      const scope = await runtime.scope(connectionName);
      const label = { resourceType: 'regionzone', operation: 'listRegionZone' };
      return scope.call(label, (c) => regionZone(scope)(c).listRegionZone());
    },
    async getRegionZone(connectionName, name) {
      const scope = await runtime.scope(connectionName);
      const label = { resourceType: 'regionzone', resourceName: name, operation: 'getRegionZone' };
      return scope.call(label, (c) => regionZone(scope)(c).getRegionZone(name));
    },

    async *listImages(connectionName, signal) {
      const scope = await runtime.scope(connectionName);
      const label = { resourceType: 'image', operation: 'listImages' };
      yield* records(streamThroughGateway<ImageInfo>(scope, label, (c) => image(scope)(c).listImages(), signal));
    },
    async getImage(connectionName, name) {
      const scope = await runtime.scope(connectionName);
      const label = { resourceType: 'image', resourceName: name, operation: 'getImage' };
      return scope.call(label, (c) => image(scope)(c).getImage({ NameId: name, SystemId: name }));
    },

    async *listSpecs(connectionName, signal) {
      const scope = await runtime.scope(connectionName);
      const label = { resourceType: 'vmspec', operation: 'listVMSpecs' };
      yield* records(streamThroughGateway<VMSpecInfo>(scope, label, (c) => vmSpec(scope)(c).listVMSpecs(), signal));
    },
    async getSpec(connectionName, name) {
      const scope = await runtime.scope(connectionName);
      const label = { resourceType: 'vmspec', resourceName: name, operation: 'getVMSpec' };
      return scope.call(label, (c) => vmSpec(scope)(c).getVMSpec(name));
    },

    async listProductFamilies(connectionName, regionName) {
      const scope = await runtime.scope(connectionName);
      const label = { resourceType: 'price', operation: 'listProductFamily' };
      return scope.call(label, (c) => price(scope)(c).listProductFamily(regionName));
    },
    async getPriceInfo(connectionName, regionName, query) {
      const scope = await runtime.scope(connectionName);
      const family = query.productFamily ?? VM_PRODUCT_FAMILY[scope.provider];
      if (!family) throw new NotFoundError(`no VM product family is known for ${scope.provider}`);
      const label = { resourceType: 'price', resourceName: regionName, operation: 'getPriceInfo' };
      // The gateway covers opening the price list; its records then stream straight from the driver.
      const info = await scope.call(label, (c) => price(scope)(c).getPriceInfo(family, regionName, query.filter));
      return query.simple ? { ...info, PriceList: simplified(info.PriceList) } : info;
    },
  };
}

/** Upstream's `?simple`: the product names its spec instead of embedding it. */
async function* simplified<T extends { ProductInfo: { VMSpecInfo?: { Name: string }; VMSpecName?: string } }>(
  prices: AsyncIterable<T>,
): AsyncGenerator<T> {
  for await (const p of prices) {
    const { VMSpecInfo: spec, ...product } = p.ProductInfo;
    yield { ...p, ProductInfo: { ...product, VMSpecName: product.VMSpecName ?? spec?.Name } };
  }
}
