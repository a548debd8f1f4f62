import type { KeyValue } from '@cb/driver-sdk';

/*
 * The create and change requests of my-images, NLBs, clusters and tags: upstream's REST `ReqInfo` shapes,
 * naming resources by the user's names. Numbers upstream sends as strings may be given either way.
 */

export interface MyImageReq {
  Name: string;
  /** The user's name of the VM to snapshot. */
  SourceVM: string;
  TagList?: KeyValue[];
}

export interface NlbListenerReq {
  /** TCP | UDP */
  Protocol: string;
  Port: string;
}

export interface NlbVmGroupReq {
  /** Absent: the listener's protocol and port. */
  Protocol?: string;
  Port?: string;
  /** The user's VM names. */
  VMs?: string[];
}

/** Interval, Timeout, Threshold: absent, `default` or -1 is the cloud's default. */
export interface NlbHealthCheckerReq {
  /** TCP | HTTP | HTTPS */
  Protocol: string;
  Port: string;
  Interval?: number | string;
  Timeout?: number | string;
  Threshold?: number | string;
}

export interface NlbReq {
  Name: string;
  VPCName: string;
  /** PUBLIC (default) | INTERNAL */
  Type?: string;
  /** REGION (default) | GLOBAL */
  Scope?: string;
  Listener: NlbListenerReq;
  VMGroup?: NlbVmGroupReq;
  HealthChecker: NlbHealthCheckerReq;
  TagList?: KeyValue[];
}

export interface NodeGroupReq {
  Name: string;
  ImageName?: string;
  VMSpecName: string;
  RootDiskType?: string;
  RootDiskSize?: string;
  KeyPairName: string;
  OnAutoScaling?: boolean;
  DesiredNodeSize: number;
  MinNodeSize: number;
  MaxNodeSize: number;
  TagList?: KeyValue[];
}

export interface ClusterReq {
  Name: string;
  Version?: string;
  VPCName: string;
  SubnetNames: string[];
  SecurityGroupNames: string[];
  NodeGroupList?: NodeGroupReq[];
  TagList?: KeyValue[];
}

export interface NodeGroupScaling {
  DesiredNodeSize: number;
  MinNodeSize: number;
  MaxNodeSize: number;
}

/** What a tag is on: upstream's RSType (vpc, subnet, sg, keypair, vm, nlb, disk, myimage, cluster, nodegroup) and the user's name. */
export interface TagTarget {
  ResourceType: string;
  ResourceName: string;
}
