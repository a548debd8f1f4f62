/** A connection config of spider as tumblebug sees it: where it points, with the region's coordinates. */
export interface Connection {
  configName: string;
  providerName: string;
  driverName: string;
  credentialName: string;
  regionZoneInfoName: string;
  /** The cloud's region id (e.g. ap-northeast-2); empty when spider could not say. */
  regionId: string;
  regionDisplay: string;
  zones: string[];
  latitude: number | null;
  longitude: number | null;
}

export interface ConnectionStore {
  upsert(connection: Connection): Promise<void>;
  /** Keeps only the named configs (a full refresh). */
  retainOnly(configNames: string[]): Promise<void>;
  remove(configName: string): Promise<boolean>;
  list(): Promise<Connection[]>;
  find(configName: string): Promise<Connection | undefined>;
}

/** What tumblebug reads of spider about connections (SpiderClient satisfies it). */
export interface ConnectionSource {
  listConnectionConfigs(): Promise<SpiderConnectionConfig[]>;
  getConnectionConfig(configName: string): Promise<SpiderConnectionConfig>;
  listRegionZones(connectionName: string): Promise<SpiderRegionZone[]>;
  getPriceInfo(
    connectionName: string,
    regionName: string,
  ): Promise<{ RegionName: string; PriceList: AsyncIterable<unknown> }>;
}

export interface SpiderConnectionConfig {
  ConfigName: string;
  ProviderName: string;
  DriverName: string;
  CredentialName: string;
  RegionName: string;
}

export interface SpiderRegionZone {
  Name: string;
  DisplayName: string;
  ZoneList: { Name: string }[];
  KeyValueList?: { Key: string; Value: string }[];
}
