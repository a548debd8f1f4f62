import type { KeyValue } from '@cb/driver-sdk';

/**
 * The four connection-info (CIM) objects, with upstream's wire field names; a connection config joins
 * one driver, one credential and one region.
 */
export interface CloudDriverInfo {
  DriverName: string;
  ProviderName: string;
  DriverLibFileName: string;
}

/** A credential as the domain holds it: values in plain text, only ever inside the process. */
export interface CredentialInfo {
  CredentialName: string;
  ProviderName: string;
  KeyValueInfoList: KeyValue[];
}

export interface RegionInfoRecord {
  RegionName: string;
  ProviderName: string;
  KeyValueInfoList: KeyValue[];
  AvailableZoneList: string[];
}

export interface ConnectionConfigInfo {
  ConfigName: string;
  ProviderName: string;
  DriverName: string;
  CredentialName: string;
  RegionName: string;
}

/** The value every secret shows outside the process (upstream's wording). */
export { HIDDEN_FOR_SECURITY } from '@cb/secrets';
