import type { ImageInfo, RegionZoneInfo, VMSpecInfo } from '@cb/driver-sdk';
import type { SpiderCatalogClient } from '@cb/spider-client';
import type { MetadataSource, SourceConnection, SourcePrice, SourceProductFamily } from './metadata-source';

/**
 * The catalogs as spider serves them over gRPC server streaming: records arrive in batches and are handed on
 * one at a time, so nothing is buffered beyond one wire batch.
 */
export class SpiderMetadataSource implements MetadataSource {
  constructor(private readonly spider: SpiderCatalogClient) {}

  async listConnections(): Promise<SourceConnection[]> {
    const configs = await this.spider.listConnectionConfigs();
    return configs.map((config) => ({
      name: config.ConfigName,
      provider: config.ProviderName.toLowerCase(),
      region: config.RegionName,
    }));
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
    const region = await this.regionOf(connection);
    for (const name of await this.spider.listProductFamilies(connection.name, region)) {
      yield { RegionName: region || connection.region, Name: name };
    }
  }

  async *prices(connection: SourceConnection): AsyncIterable<SourcePrice> {
    const region = await this.regionOf(connection);
    for (const family of await this.spider.listProductFamilies(connection.name, region)) {
      const cloudPrice = await this.spider.getPriceInfo(connection.name, region, { productFamily: family });
      for await (const price of cloudPrice.PriceList) {
        yield { ...price, ProductFamily: family, RegionName: cloudPrice.RegionName || connection.region };
      }
    }
  }

  /**
   * A connection config's RegionName names spider's region config, not the cloud's region; an empty region
   * asks spider for the connection's own, and the price stream's header says which one that is.
   */
  private async regionOf(_connection: SourceConnection): Promise<string> {
    return '';
  }
}
