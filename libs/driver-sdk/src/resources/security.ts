import type { IID, KeyValue } from './iid';

export interface SecurityRuleInfo {
  /** `inbound` | `outbound` */
  Direction: string;
  /** `TCP` | `UDP` | `ICMP` | `ALL` */
  IPProtocol: string;
  FromPort: string;
  ToPort: string;
  CIDR?: string;
}

export interface SecurityReqInfo {
  IId: IID;
  VpcIID: IID;
  SecurityRules: SecurityRuleInfo[];
  TagList?: KeyValue[];
}

export interface SecurityInfo {
  IId: IID;
  VpcIID: IID;
  SecurityRules: SecurityRuleInfo[];
  TagList?: KeyValue[];
  KeyValueList?: KeyValue[];
}
