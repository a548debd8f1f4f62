// Hand-written types: spider serves no OpenAPI schemas yet (its /spider/openapi.json has no paths).
// Shapes are upstream CB-Spider's CIM contract (apps/spider/README.md).
import type { Request } from './http';

export interface KeyValue {
  Key: string;
  Value: string;
}
export interface DriverInfo {
  DriverName: string;
  ProviderName: string;
  DriverLibFileName: string;
}
export interface CredentialInfo {
  CredentialName: string;
  ProviderName: string;
  KeyValueInfoList: KeyValue[];
}
export interface RegionInfo {
  RegionName: string;
  ProviderName: string;
  KeyValueInfoList: KeyValue[];
  AvailableZoneList?: string[];
}
export interface ConnectionConfigInfo {
  ConfigName: string;
  ProviderName: string;
  DriverName: string;
  CredentialName: string;
  RegionName: string;
}
export interface CloudOsMetaInfo {
  Region: string[];
  Credential: string[];
  CredentialCSP: string[];
}

const base = '/spider';

export function spiderApi(request: Request) {
  return {
    cloudOs: async () => (await request<{ cloudos: string[] }>('GET', `${base}/cloudos`)).cloudos,
    metaInfo: (provider: string) =>
      request<CloudOsMetaInfo>('GET', `${base}/cloudos/metainfo/${encodeURIComponent(provider)}`),
    drivers: async () => (await request<{ driver: DriverInfo[] }>('GET', `${base}/driver`)).driver,
    credentials: async () => (await request<{ credential: CredentialInfo[] }>('GET', `${base}/credential`)).credential,
    regions: async () => (await request<{ region: RegionInfo[] }>('GET', `${base}/region`)).region,
    connections: async () =>
      (await request<{ connectionconfig: ConnectionConfigInfo[] }>('GET', `${base}/connectionconfig`)).connectionconfig,
    createDriver: (driver: DriverInfo) => request<DriverInfo>('POST', `${base}/driver`, { body: driver }),
    createCredential: (credential: CredentialInfo) =>
      request<CredentialInfo>('POST', `${base}/credential`, { body: credential }),
    createRegion: (region: RegionInfo) => request<RegionInfo>('POST', `${base}/region`, { body: region }),
    createConnection: (config: ConnectionConfigInfo) =>
      request<ConnectionConfigInfo>('POST', `${base}/connectionconfig`, { body: config }),
    remove: (kind: 'driver' | 'credential' | 'region' | 'connectionconfig', name: string) =>
      request<{ Result: string }>('DELETE', `${base}/${kind}/${encodeURIComponent(name)}`),
  };
}
export type SpiderApi = ReturnType<typeof spiderApi>;
