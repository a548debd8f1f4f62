import type { IID, KeyValue } from './iid';

export interface ListenerInfo {
  /** `TCP` | `UDP` */
  Protocol: string;
  IP?: string;
  Port: string;
  DNSName?: string;
  CspID?: string;
  KeyValueList?: KeyValue[];
}

export interface VMGroupInfo {
  Protocol: string;
  Port: string;
  VMs?: IID[];
  CspID?: string;
  KeyValueList?: KeyValue[];
}

/** Interval, Timeout and Threshold of -1 mean "the cloud's default". */
export interface HealthCheckerInfo {
  /** `TCP` | `HTTP` */
  Protocol: string;
  Port: string;
  Interval: number;
  Timeout: number;
  Threshold: number;
  CspID?: string;
  KeyValueList?: KeyValue[];
}

export interface NLBReqInfo {
  IId: IID;
  VpcIID: IID;
  /** `PUBLIC` | `INTERNAL` */
  Type: string;
  /** `REGION` | `GLOBAL` */
  Scope: string;
  Listener: ListenerInfo;
  VMGroup: VMGroupInfo;
  HealthChecker: HealthCheckerInfo;
  TagList?: KeyValue[];
}

export interface NLBInfo extends NLBReqInfo {
  CreatedTime: string;
  KeyValueList?: KeyValue[];
}

export interface HealthInfo {
  AllVMs: IID[];
  HealthyVMs: IID[];
  UnHealthyVMs: IID[];
}
