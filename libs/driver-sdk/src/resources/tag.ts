import type { IID, KeyValue } from './iid';

/** Upstream's RSType values, as they appear on the wire (lower case). */
export const RESOURCE_TYPES = [
  'all',
  'image',
  'vpc',
  'subnet',
  'sg',
  'keypair',
  'vm',
  'nlb',
  'disk',
  'myimage',
  'cluster',
  'nodegroup',
  'filesystem',
  'rdbms',
  'publicip',
  'nic',
] as const;

export type ResourceType = (typeof RESOURCE_TYPES)[number];

export interface TagInfo {
  ResType: ResourceType;
  ResIId: IID;
  TagList: KeyValue[];
  KeyValueList?: KeyValue[];
}
