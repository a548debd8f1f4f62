import type {
  ClusterInfo,
  HealthCheckerInfo,
  HealthInfo,
  KeyValue,
  ListenerInfo,
  MyImageInfo,
  NLBInfo,
  NodeGroupInfo,
  VMGroupInfo,
} from '@cb/driver-sdk';
import type {
  ClusterReq,
  MyImageReq,
  NlbHealthCheckerReq,
  NlbListenerReq,
  NlbReq,
  NodeGroupReq,
  NodeGroupScaling,
  TagTarget,
} from '@cb/spider-client';

/*
 * What the gRPC API asks of spider's domain for my-images, NLBs, clusters and tags (see spider-domain.ts):
 * requests in upstream's ReqInfo shapes, checked by the domain side with the REST API's rules.
 */

export interface MyImages {
  snapshot(connectionName: string, req: MyImageReq): Promise<MyImageInfo>;
  list(connectionName: string): Promise<MyImageInfo[]>;
  get(connectionName: string, name: string): Promise<MyImageInfo>;
  delete(connectionName: string, name: string, force: boolean): Promise<boolean>;
}

export interface Nlbs {
  create(connectionName: string, req: NlbReq): Promise<NLBInfo>;
  list(connectionName: string): Promise<NLBInfo[]>;
  get(connectionName: string, name: string): Promise<NLBInfo>;
  delete(connectionName: string, name: string, force: boolean): Promise<boolean>;
  addVms(connectionName: string, name: string, vmNames: string[]): Promise<NLBInfo>;
  removeVms(connectionName: string, name: string, vmNames: string[]): Promise<boolean>;
  changeListener(connectionName: string, name: string, listener: NlbListenerReq): Promise<ListenerInfo>;
  changeVmGroup(
    connectionName: string,
    name: string,
    group: { Protocol?: string; Port?: string },
  ): Promise<VMGroupInfo>;
  changeHealthChecker(connectionName: string, name: string, checker: NlbHealthCheckerReq): Promise<HealthCheckerInfo>;
  health(connectionName: string, name: string): Promise<HealthInfo>;
}

export interface Clusters {
  create(connectionName: string, req: ClusterReq): Promise<ClusterInfo>;
  list(connectionName: string): Promise<ClusterInfo[]>;
  get(connectionName: string, name: string): Promise<ClusterInfo>;
  delete(connectionName: string, name: string, force: boolean): Promise<boolean>;
  upgrade(connectionName: string, name: string, version: string): Promise<ClusterInfo>;
  token(connectionName: string, name: string): Promise<string>;
  addNodeGroup(connectionName: string, clusterName: string, req: NodeGroupReq): Promise<ClusterInfo>;
  removeNodeGroup(connectionName: string, clusterName: string, name: string, force: boolean): Promise<boolean>;
  setNodeGroupAutoScaling(connectionName: string, clusterName: string, name: string, on: boolean): Promise<boolean>;
  changeNodeGroupScaling(
    connectionName: string,
    clusterName: string,
    name: string,
    size: NodeGroupScaling,
  ): Promise<NodeGroupInfo>;
}

export interface Tags {
  add(connectionName: string, target: TagTarget, tag: KeyValue): Promise<KeyValue>;
  /** The tags, and upstream's label of the resource type ("VPC", "Kubernetes Cluster", ...). */
  list(connectionName: string, target: TagTarget): Promise<{ tags: KeyValue[]; label: string }>;
  get(connectionName: string, target: TagTarget, key: string): Promise<KeyValue>;
  remove(connectionName: string, target: TagTarget, key: string): Promise<boolean>;
}
