import type { CloudConnection, CloudDriver, ImageInfo, KeyValue, RegionZoneInfo, VMSpecInfo } from '@cb/driver-sdk';
import { NotFoundError } from '@cb/errors';
import type { MetadataSource, SourceConnection, SourcePrice, SourceProductFamily } from './metadata-source';

/** A connection read straight from a driver: its catalog is what the driver answers for this credential and region. */
export interface DriverConnection extends SourceConnection {
  driver: CloudDriver;
  credential: KeyValue[];
}

/**
 * Reads catalogs from drivers in this process, without spider in between. It measures and tests the
 * engine alone; production reads through spider (SpiderMetadataSource), which owns credentials.
 */
export class DriverMetadataSource implements MetadataSource {
  private readonly connected = new Map<string, Promise<CloudConnection>>();

  constructor(private readonly connections: DriverConnection[]) {}

  async listConnections(): Promise<SourceConnection[]> {
    return this.connections.map(({ name, provider, region, zone }) => ({ name, provider, region, zone }));
  }

  async *regions(connection: SourceConnection): AsyncIterable<RegionZoneInfo> {
    const handler = (await this.connect(connection)).regionZone();
    if (handler) yield* await handler.listRegionZone();
  }

  async *images(connection: SourceConnection): AsyncIterable<ImageInfo> {
    const handler = (await this.connect(connection)).image();
    if (handler) yield* handler.listImages();
  }

  async *specs(connection: SourceConnection): AsyncIterable<VMSpecInfo> {
    const handler = (await this.connect(connection)).vmSpec();
    if (handler) yield* handler.listVMSpecs();
  }

  async *productFamilies(connection: SourceConnection): AsyncIterable<SourceProductFamily> {
    const handler = (await this.connect(connection)).price();
    if (!handler) return;
    for (const name of await handler.listProductFamily(connection.region))
      yield { RegionName: connection.region, Name: name };
  }

  async *prices(connection: SourceConnection): AsyncIterable<SourcePrice> {
    const handler = (await this.connect(connection)).price();
    if (!handler) return;
    for (const family of await handler.listProductFamily(connection.region)) {
      const cloudPrice = await handler.getPriceInfo(family, connection.region);
      for await (const price of cloudPrice.PriceList) {
        yield { ...price, ProductFamily: family, RegionName: cloudPrice.RegionName };
      }
    }
  }

  /** One driver connection per connection and credential: a changed credential (a new catalog) connects again. */
  private connect(connection: SourceConnection): Promise<CloudConnection> {
    const known = this.connections.find((c) => c.name === connection.name);
    if (!known) throw new NotFoundError(`connection '${connection.name}' is not known to this source`);
    const key = `${known.name}\n${JSON.stringify(known.credential)}`;
    let pending = this.connected.get(key);
    if (!pending) {
      pending = known.driver.connect({
        credential: known.credential,
        region: { Region: known.region, ...(known.zone ? { Zone: known.zone } : {}) },
        connectionName: known.name,
      });
      pending.catch(() => this.connected.delete(key));
      this.connected.set(key, pending);
    }
    return pending;
  }
}
