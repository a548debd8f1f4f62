import type { IID, KeyValue } from './iid';
import type { RegionInfo } from './region-zone';

export const VM_STATUSES = [
  'Creating',
  'Running',
  'Suspending',
  'Suspended',
  'Resuming',
  'Rebooting',
  'Terminating',
  'Terminated',
  'NotExist',
  'Failed',
] as const;

export type VMStatus = (typeof VM_STATUSES)[number];

export function isVMStatus(value: unknown): value is VMStatus {
  return typeof value === 'string' && (VM_STATUSES as readonly string[]).includes(value);
}

export type ImageType = 'PublicImage' | 'MyImage';

export interface VMReqInfo {
  IId: IID;
  ImageType?: ImageType;
  ImageIID: IID;
  VpcIID: IID;
  SubnetIID: IID;
  SecurityGroupIIDs: IID[];
  VMSpecName: string;
  KeyPairIID: IID;
  RootDiskType?: string;
  RootDiskSize?: string;
  DataDiskIIDs?: IID[];
  VMUserId?: string;
  VMUserPasswd?: string;
  TagList?: KeyValue[];
}

export interface NICInfo {
  IId: IID;
  DeviceIndex: number;
  PrivateIPs?: string[];
  PublicIPs?: string[];
  MACAddress?: string;
  SubnetIID?: IID;
}

/** Field order and optionality follow upstream's JSON (`?` = omitempty). */
export interface VMInfo {
  IId: IID;
  StartTime: string;
  Region: RegionInfo;
  ImageType: ImageType;
  ImageIId: IID;
  VMSpecName: string;
  VpcIID: IID;
  SubnetIID: IID;
  SecurityGroupIIds: IID[];
  KeyPairIId: IID;
  RootDiskType: string;
  RootDiskSize: string;
  RootDeviceName: string;
  DataDiskIIDs?: IID[];
  VMBootDisk?: string;
  VMBlockDisk?: string;
  VMUserId: string;
  VMUserPasswd?: string;
  NICs?: NICInfo[];
  NetworkInterface: string;
  PublicIP: string;
  PublicIPs?: string[];
  PublicDNS?: string;
  PrivateIP: string;
  PrivateIPs?: string[];
  PrivateDNS?: string;
  /** `LINUX/UNIX` | `WINDOWS` */
  Platform: string;
  SSHAccessPoint?: string;
  AccessPoint: string;
  TagList?: KeyValue[];
  KeyValueList?: KeyValue[];
}

export interface VMStatusInfo {
  IId: IID;
  VmStatus: VMStatus;
}
