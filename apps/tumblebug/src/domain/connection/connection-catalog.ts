import { NotFoundError } from '@cb/errors';
import type {
  Connection,
  ConnectionSource,
  ConnectionStore,
  SpiderConnectionConfig,
  SpiderRegionZone,
} from './connection';

export interface CatalogLogger {
  warn(object: object, message?: string): void;
}

/**
 * The connection configs registered in spider, copied into tumblebug's database with their region's
 * coordinates: refreshed in full at start and one by one when spider announces a registration or a
 * deletion, so reads (/connConfig, placement) never wait on spider.
 */
export class ConnectionCatalog {
  constructor(
    private readonly source: ConnectionSource,
    private readonly store: ConnectionStore,
    private readonly logger: CatalogLogger,
  ) {}

  async refreshAll(): Promise<number> {
    const configs = await this.source.listConnectionConfigs();
    for (const config of configs) await this.store.upsert(await this.describe(config));
    await this.store.retainOnly(configs.map((config) => config.ConfigName));
    return configs.length;
  }

  /** A registration: reads the config back from spider (a deleted one since is forgotten). */
  async refreshOne(configName: string): Promise<Connection | undefined> {
    let config: SpiderConnectionConfig;
    try {
      config = await this.source.getConnectionConfig(configName);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      await this.store.remove(configName);
      return undefined;
    }
    const connection = await this.describe(config);
    await this.store.upsert(connection);
    return connection;
  }

  async forget(configName: string): Promise<void> {
    await this.store.remove(configName);
  }

  list(): Promise<Connection[]> {
    return this.store.list();
  }

  /**
   * A config not copied yet is read through from spider: a script that registers a connection and uses it
   * at once must not depend on spider's event having reached tumblebug first.
   */
  async get(configName: string): Promise<Connection> {
    const connection = (await this.store.find(configName)) ?? (await this.refreshOne(configName));
    if (!connection) throw new NotFoundError(`Cannot find the connection config ${configName}`, { configName });
    return connection;
  }

  /**
   * A config names spider's region config, not the cloud's region: the price header says which region
   * the connection is in, and the region list of the connection gives its coordinates and zones.
   */
  private async describe(config: SpiderConnectionConfig): Promise<Connection> {
    const connection: Connection = {
      configName: config.ConfigName,
      providerName: config.ProviderName.toLowerCase(),
      driverName: config.DriverName,
      credentialName: config.CredentialName,
      regionZoneInfoName: config.RegionName,
      regionId: '',
      regionDisplay: '',
      zones: [],
      latitude: null,
      longitude: null,
    };
    try {
      const prices = await this.source.getPriceInfo(config.ConfigName, '');
      await prices.PriceList[Symbol.asyncIterator]().return?.(); // only the header is wanted
      connection.regionId = prices.RegionName;
      const region = (await this.source.listRegionZones(config.ConfigName)).find((r) => r.Name === prices.RegionName);
      if (region) Object.assign(connection, regionDetail(region));
    } catch (error) {
      this.logger.warn(
        { configName: config.ConfigName, reason: (error as Error).message },
        'region of connection unknown',
      );
    }
    return connection;
  }
}

function regionDetail(region: SpiderRegionZone): Partial<Connection> {
  const coordinate = (key: string) => {
    const value = region.KeyValueList?.find((kv) => kv.Key.toLowerCase() === key)?.Value;
    const number = value === undefined ? NaN : Number(value);
    return Number.isFinite(number) ? number : null;
  };
  return {
    regionDisplay: region.DisplayName,
    zones: region.ZoneList.map((zone) => zone.Name),
    latitude: coordinate('latitude'),
    longitude: coordinate('longitude'),
  };
}
