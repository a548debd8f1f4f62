import type { KeyValue, SecurityRuleInfo } from '@cb/driver-sdk';

/*
 * What callers send and get that the driver contract (@cb/driver-sdk) has no type for: the connection
 * config of spider's CIM, and the create requests, which name resources by the user's names (upstream's
 * REST `ReqInfo` bodies) where the driver contract carries IIDs.
 */

export interface ConnectionConfigInfo {
  ConfigName: string;
  ProviderName: string;
  DriverName: string;
  CredentialName: string;
  RegionName: string;
}

export interface SubnetReq {
  Name: string;
  Zone?: string;
  IPv4_CIDR: string;
  TagList?: KeyValue[];
}

export interface VpcReq {
  Name: string;
  IPv4_CIDR: string;
  SubnetInfoList: SubnetReq[];
  TagList?: KeyValue[];
}

export interface SecurityGroupReq {
  Name: string;
  VPCName: string;
  SecurityRules: SecurityRuleInfo[];
  TagList?: KeyValue[];
}

export interface KeyPairReq {
  Name: string;
  TagList?: KeyValue[];
}

export interface VmReq {
  Name: string;
  /** PublicImage (default) | MyImage */
  ImageType?: 'PublicImage' | 'MyImage';
  ImageName: string;
  VMSpecName: string;
  VPCName: string;
  SubnetName: string;
  SecurityGroupNames: string[];
  KeyPairName: string;
  RootDiskType?: string;
  RootDiskSize?: string;
  DataDiskNames?: string[];
  VMUserId?: string;
  VMUserPasswd?: string;
  TagList?: KeyValue[];
}

export interface DiskReq {
  Name: string;
  Zone?: string;
  /** `default` lets the cloud choose. */
  DiskType: string;
  /** GB as a string; `default` lets the cloud choose. */
  DiskSize: string;
  TagList?: KeyValue[];
}

/** Upstream's `?action=` of controlvm. */
export type VmAction = 'suspend' | 'resume' | 'reboot';

/** Upstream's `?force=true` on deletes: forget the resource even when the cloud refuses to delete it. */
export interface DeleteOptions {
  force?: boolean;
}
