import type { ServiceImpl } from '@cb/grpc';
import type { spider } from '@cb/proto';
import { spiderWire as wire } from '@cb/spider-client';
import { batched, batchSizeOf } from './batches';
import type { SpiderDomain } from './spider-domain';

type Catalog = Pick<
  ServiceImpl<typeof spider.SpiderService>,
  | 'listConnectionConfigs'
  | 'getConnectionConfig'
  | 'listRegionZones'
  | 'getRegionZone'
  | 'listImages'
  | 'getImage'
  | 'listSpecs'
  | 'getSpec'
  | 'listProductFamilies'
  | 'listPrices'
>;

/** Connection configs, regions/zones and the streamed catalogs (images, specs, prices). */
export function catalogHandlers({ connections, catalogs }: SpiderDomain): Catalog {
  return {
    async listConnectionConfigs() {
      const configs = await connections.listConnectionConfigs();
      return { connectionConfigs: configs.map(wire.toConnectionConfigMessage) };
    },
    async getConnectionConfig({ configName }) {
      return { connectionConfig: wire.toConnectionConfigMessage(await connections.getConnectionConfig(configName)) };
    },

    async listRegionZones({ connectionName }) {
      return { regionZones: (await catalogs.listRegionZones(connectionName)).map(wire.toRegionZoneMessage) };
    },
    async getRegionZone({ connectionName, name }) {
      return { regionZone: wire.toRegionZoneMessage(await catalogs.getRegionZone(connectionName, name)) };
    },

    async *listImages({ connectionName, batchSize }, { signal }) {
      const size = batchSizeOf(batchSize);
      for await (const images of batched(catalogs.listImages(connectionName, signal), size, wire.toImageMessage)) {
        yield { images };
      }
    },
    async getImage({ connectionName, name }) {
      return { image: wire.toImageMessage(await catalogs.getImage(connectionName, name)) };
    },

    async *listSpecs({ connectionName, batchSize }, { signal }) {
      const size = batchSizeOf(batchSize);
      for await (const specs of batched(catalogs.listSpecs(connectionName, signal), size, wire.toSpecMessage)) {
        yield { specs };
      }
    },
    async getSpec({ connectionName, name }) {
      return { spec: wire.toSpecMessage(await catalogs.getSpec(connectionName, name)) };
    },

    async listProductFamilies({ connectionName, regionName }) {
      return { productFamilies: await catalogs.listProductFamilies(connectionName, regionName) };
    },
    async *listPrices(request) {
      const size = batchSizeOf(request.batchSize);
      const info = await catalogs.getPriceInfo(request.connectionName, request.regionName, {
        productFamily: request.productFamily || undefined,
        simple: request.simple,
        filter: wire.fromKeyValues(request.filterList),
      });
      // The header rides on the first message only; a region without prices still gets it.
      const header = {
        meta: { version: info.Meta.Version, description: info.Meta.Description },
        cloudName: info.CloudName,
        regionName: info.RegionName,
      };
      let first = true;
      for await (const priceList of batched(info.PriceList, size, wire.toPriceMessage)) {
        yield first ? { ...header, priceList } : { priceList };
        first = false;
      }
      if (first) yield header;
    },
  };
}
