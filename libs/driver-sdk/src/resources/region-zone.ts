import type { KeyValue } from './iid';

export type ZoneStatus = 'Available' | 'Unavailable' | 'StatusNotSupported';

export interface ZoneInfo {
  Name: string;
  DisplayName: string;
  CSPDisplayName: string;
  Status: ZoneStatus;
  KeyValueList?: KeyValue[];
}

export interface RegionZoneInfo {
  Name: string;
  DisplayName: string;
  CSPDisplayName: string;
  ZoneList: ZoneInfo[];
  KeyValueList?: KeyValue[];
}

/** What a connection is bound to; upstream's `RegionInfo{Region, Zone}` (Zone may be empty). */
export interface RegionInfo {
  Region: string;
  Zone?: string;
}
