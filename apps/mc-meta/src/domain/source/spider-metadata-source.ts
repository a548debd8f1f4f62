import type { ImageInfo, RegionZoneInfo, VMSpecInfo } from '@cb/driver-sdk';
import type { ConnectionConfigInfo, SpiderCatalogClient } from '@cb/spider-client';
import type { MetadataSource, SourceConnection, SourcePrice, SourceProductFamily } from './metadata-source';

/** spider's own choice of region for a connection: an empty region name in a price or product-family call. */
const CONNECTION_REGION = '';

/**
 * The catalogs as spider serves them over gRPC server streaming: records arrive in batches and are handed on
 * one at a time, so nothing is buffered beyond one wire batch.
 */
export class SpiderMetadataSource implements MetadataSource {
  /** Cloud region per connection config (as configured: a re-created config with other parts asks again). */
  private readonly cloudRegions = new Map<string, Promise<string>>();

  constructor(private readonly spider: SpiderCatalogClient) {}

  async listConnections(): Promise<SourceConnection[]> {
    const configs = await this.spider.listConnectionConfigs();
    return Promise.all(
      configs.map(async (config) => ({
        name: config.ConfigName,
        provider: config.ProviderName.toLowerCase(),
        region: await this.cloudRegionOf(config),
      })),
    );
  }

  async *regions(connection: SourceConnection): AsyncIterable<RegionZoneInfo> {
    yield* await this.spider.listRegionZones(connection.name);
  }

  images(connection: SourceConnection): AsyncIterable<ImageInfo> {
    return this.spider.listImages(connection.name);
  }

  specs(connection: SourceConnection): AsyncIterable<VMSpecInfo> {
    return this.spider.listSpecs(connection.name);
  }

  async *productFamilies(connection: SourceConnection): AsyncIterable<SourceProductFamily> {
    for (const name of await this.spider.listProductFamilies(connection.name, CONNECTION_REGION)) {
      yield { RegionName: connection.region, Name: name };
    }
  }

  async *prices(connection: SourceConnection): AsyncIterable<SourcePrice> {
    for (const family of await this.spider.listProductFamilies(connection.name, CONNECTION_REGION)) {
      const cloudPrice = await this.spider.getPriceInfo(connection.name, CONNECTION_REGION, { productFamily: family });
      for await (const price of cloudPrice.PriceList) {
        yield { ...price, ProductFamily: family, RegionName: cloudPrice.RegionName || connection.region };
      }
    }
  }

  /**
   * A connection config's RegionName names spider's region config (e.g. `aws-seoul-region`), not the cloud's
   * region, which is what searches filter on. spider names the connection's cloud region in the header of a
   * price stream (the rest of the stream is not read). A connection whose driver cannot price keeps the config's
   * name, the best there is.
   */
  private cloudRegionOf(config: ConnectionConfigInfo): Promise<string> {
    const key = JSON.stringify([config.ConfigName, config.DriverName, config.CredentialName, config.RegionName]);
    let region = this.cloudRegions.get(key);
    if (!region) {
      region = this.spider.getPriceInfo(config.ConfigName, CONNECTION_REGION).then(
        async (header) => {
          await header.PriceList[Symbol.asyncIterator]().return?.();
          return header.RegionName || config.RegionName;
        },
        () => {
          this.cloudRegions.delete(key);
          return config.RegionName;
        },
      );
      this.cloudRegions.set(key, region);
    }
    return region;
  }
}
