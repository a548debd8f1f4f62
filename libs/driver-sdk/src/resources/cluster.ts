import type { IID, KeyValue } from './iid';

export type ClusterStatus = 'Creating' | 'Active' | 'Inactive' | 'Updating' | 'Deleting';
export type NodeGroupStatus = 'Creating' | 'Active' | 'Inactive' | 'Updating' | 'Deleting';

export interface NetworkInfo {
  VpcIID: IID;
  SubnetIIDs: IID[];
  SecurityGroupIIDs: IID[];
  KeyValueList?: KeyValue[];
}

export interface NodeGroupReqInfo {
  IId: IID;
  ImageIID?: IID;
  VMSpecName: string;
  RootDiskType?: string;
  RootDiskSize?: string;
  KeyPairIID: IID;
  OnAutoScaling: boolean;
  DesiredNodeSize: number;
  MinNodeSize: number;
  MaxNodeSize: number;
  TagList?: KeyValue[];
}

export interface NodeGroupInfo {
  IId: IID;
  ImageIID: IID;
  VMSpecName: string;
  RootDiskType: string;
  RootDiskSize: string;
  KeyPairIID: IID;
  OnAutoScaling: boolean;
  DesiredNodeSize: number;
  MinNodeSize: number;
  MaxNodeSize: number;
  Status: NodeGroupStatus;
  Nodes?: IID[];
  TagList?: KeyValue[];
  KeyValueList?: KeyValue[];
}

export interface ClusterReqInfo {
  IId: IID;
  Version?: string;
  Network: NetworkInfo;
  NodeGroupList: NodeGroupReqInfo[];
  TagList?: KeyValue[];
}

export interface AccessInfo {
  Endpoint: string;
  Kubeconfig: string;
}

export interface ClusterInfo {
  IId: IID;
  Version: string;
  Network: NetworkInfo;
  NodeGroupList?: NodeGroupInfo[];
  AccessInfo?: AccessInfo;
  Addons?: { KeyValueList?: KeyValue[] };
  Status: ClusterStatus;
  CreatedTime: string;
  TagList?: KeyValue[];
  KeyValueList?: KeyValue[];
}
