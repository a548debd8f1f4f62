import {
  DriverError,
  type CloudPriceStream,
  type IID,
  type ImageHandler,
  type ImageInfo,
  type KeyValue,
  type PriceHandler,
  type RegionZoneHandler,
  type RegionZoneInfo,
  type VMSpecHandler,
  type VMSpecInfo,
} from '@cb/driver-sdk';
import { SpecCatalog } from '../catalog/spec-catalog';
import type { MockEnv } from './mock-env';

export class MockRegionZoneHandler implements RegionZoneHandler {
  constructor(private readonly env: MockEnv) {}

  async listRegionZone(): Promise<RegionZoneInfo[]> {
    return structuredClone([...this.env.profile.regions]);
  }

  async getRegionZone(regionName: string): Promise<RegionZoneInfo> {
    const region = this.env.profile.regions.find((r) => r.Name === regionName);
    if (!region) throw new DriverError('NOT_FOUND', `region '${regionName}' does not exist`);
    return structuredClone(region);
  }

  async listOrgRegion(): Promise<string> {
    return JSON.stringify(this.env.profile.regions.map((r) => ({ RegionName: r.Name, DisplayName: r.DisplayName })));
  }

  /** Upstream answers the zones of the connection's own region. */
  async listOrgZone(): Promise<string> {
    const own = this.env.profile.regions.find((r) => r.Name === this.env.region.Region);
    return JSON.stringify(own?.ZoneList ?? []);
  }
}

export class MockImageHandler implements ImageHandler {
  constructor(private readonly env: MockEnv) {}

  listImages(): AsyncIterable<ImageInfo> {
    return this.env.images.stream();
  }

  async getImage(imageIID: IID): Promise<ImageInfo> {
    return this.env.images.get(imageIID);
  }

  async checkWindowsImage(imageIID: IID): Promise<boolean> {
    return this.env.images.get(imageIID).OSPlatform === 'Windows';
  }
}

export class MockVMSpecHandler implements VMSpecHandler {
  constructor(private readonly env: MockEnv) {}

  async *listVMSpecs(): AsyncGenerator<VMSpecInfo> {
    yield* this.env.specs.list();
  }

  async getVMSpec(name: string): Promise<VMSpecInfo> {
    return this.env.specs.get(name);
  }

  async listOrgVMSpec(): Promise<string> {
    return JSON.stringify(this.env.specs.list());
  }

  async getOrgVMSpec(name: string): Promise<string> {
    return JSON.stringify(this.env.specs.get(name));
  }
}

export class MockPriceHandler implements PriceHandler {
  constructor(private readonly env: MockEnv) {}

  async listProductFamily(regionName: string): Promise<string[]> {
    this.region(regionName);
    return [...this.env.profile.productFamilies];
  }

  /** Filter key `simple` (any value) answers spec names instead of full specs, as upstream's `?simple`. */
  async getPriceInfo(productFamily: string, regionName: string, filter: KeyValue[] = []): Promise<CloudPriceStream> {
    const region = this.region(regionName);
    const { profile, config } = this.env;
    const catalog =
      region === this.env.specs.region
        ? this.env.specs
        : new SpecCatalog(profile, config.seed, region, this.specCount());
    const simple = filter.some((kv) => kv.Key.toLowerCase() === 'simple');
    const compute = productFamily === profile.computeFamily;
    async function* priceList() {
      if (compute) yield* catalog.prices(simple);
    }
    return {
      Meta: { Version: '0.5', Description: 'Multi-Cloud Price Info' },
      CloudName: 'MOCK',
      RegionName: region,
      PriceList: priceList(),
    };
  }

  private region(regionName: string): string {
    const name = regionName || this.env.region.Region;
    if (!this.env.profile.regions.some((r) => r.Name === name)) {
      throw new DriverError('NOT_FOUND', `region '${name}' does not exist`);
    }
    return name;
  }

  private specCount(): number {
    return this.env.config.specsPerRegion ?? this.env.profile.defaultSpecsPerRegion;
  }
}
