import type { IID, KeyValue } from './iid';

export interface SubnetInfo {
  IId: IID;
  Zone?: string;
  IPv4_CIDR: string;
  TagList?: KeyValue[];
  KeyValueList?: KeyValue[];
}

/** What a driver is asked to create; spider has already turned the user's name into `IId.NameId`. */
export interface VPCReqInfo {
  IId: IID;
  IPv4_CIDR: string;
  SubnetInfoList: SubnetInfo[];
  TagList?: KeyValue[];
}

export interface VPCInfo {
  IId: IID;
  IPv4_CIDR: string;
  SubnetInfoList: SubnetInfo[];
  TagList?: KeyValue[];
  KeyValueList?: KeyValue[];
}
