import type { IID, KeyValue } from './iid';

export type DiskStatus = 'Creating' | 'Available' | 'Attached' | 'Deleting' | 'Error';

export interface DiskReqInfo {
  IId: IID;
  Zone?: string;
  /** `default` lets the cloud choose. */
  DiskType: string;
  /** GB as a string; `default` lets the cloud choose. */
  DiskSize: string;
  TagList?: KeyValue[];
}

export interface DiskInfo {
  IId: IID;
  Zone: string;
  DiskType: string;
  DiskSize: string;
  Status: DiskStatus;
  OwnerVM?: IID;
  CreatedTime: string;
  TagList?: KeyValue[];
  KeyValueList?: KeyValue[];
}
