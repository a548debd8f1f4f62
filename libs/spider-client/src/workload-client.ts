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
import type { CallOptions } from '@cb/grpc';
import { required } from './catalog-client';
import { type DeleteCallOptions, SpiderResourceClient } from './resource-client';
import type {
  ClusterReq,
  MyImageReq,
  NlbHealthCheckerReq,
  NlbListenerReq,
  NlbReq,
  NodeGroupReq,
  NodeGroupScaling,
  TagTarget,
} from './workload-types';
import * as wire from './wire';

const forced = (options: DeleteCallOptions) => options.force ?? false;

/** My-images (VM snapshots), NLBs, Kubernetes clusters with their node groups, and tags, on top of the resources. */
export class SpiderWorkloadClient extends SpiderResourceClient {
  // ---- my-images

  /** Upstream's POST /myimage: a snapshot of the VM `req.SourceVM`. */
  async snapshotVm(connectionName: string, req: MyImageReq, options?: CallOptions): Promise<MyImageInfo> {
    const { myImage } = await this.grpc.snapshotVm(wire.toSnapshotVmMessage(connectionName, req), options);
    return wire.fromMyImageMessage(required(myImage, 'my_image'));
  }

  async listMyImages(connectionName: string, options?: CallOptions): Promise<MyImageInfo[]> {
    return (await this.grpc.listMyImages({ connectionName }, options)).myImages.map(wire.fromMyImageMessage);
  }

  async getMyImage(connectionName: string, name: string, options?: CallOptions): Promise<MyImageInfo> {
    const { myImage } = await this.grpc.getMyImage({ connectionName, name }, options);
    return wire.fromMyImageMessage(required(myImage, 'my_image'));
  }

  async deleteMyImage(connectionName: string, name: string, options: DeleteCallOptions = {}): Promise<boolean> {
    return (await this.grpc.deleteMyImage({ connectionName, name, force: forced(options) }, options)).result;
  }

  // ---- NLBs

  async createNlb(connectionName: string, req: NlbReq, options?: CallOptions): Promise<NLBInfo> {
    const { nlb } = await this.grpc.createNlb(wire.toCreateNlbMessage(connectionName, req), options);
    return wire.fromNlbMessage(required(nlb, 'nlb'));
  }

  async listNlbs(connectionName: string, options?: CallOptions): Promise<NLBInfo[]> {
    return (await this.grpc.listNlbs({ connectionName }, options)).nlbs.map(wire.fromNlbMessage);
  }

  async getNlb(connectionName: string, name: string, options?: CallOptions): Promise<NLBInfo> {
    return wire.fromNlbMessage(required((await this.grpc.getNlb({ connectionName, name }, options)).nlb, 'nlb'));
  }

  async deleteNlb(connectionName: string, name: string, options: DeleteCallOptions = {}): Promise<boolean> {
    return (await this.grpc.deleteNlb({ connectionName, name, force: forced(options) }, options)).result;
  }

  /** Answers the whole NLB. */
  async addNlbVms(connectionName: string, name: string, vmNames: string[], options?: CallOptions): Promise<NLBInfo> {
    const { nlb } = await this.grpc.addNlbVms({ connectionName, name, vmNames }, options);
    return wire.fromNlbMessage(required(nlb, 'nlb'));
  }

  async removeNlbVms(connectionName: string, name: string, vmNames: string[], options?: CallOptions): Promise<boolean> {
    return (await this.grpc.removeNlbVms({ connectionName, name, vmNames }, options)).result;
  }

  async changeNlbListener(
    connectionName: string,
    name: string,
    listener: NlbListenerReq,
    options?: CallOptions,
  ): Promise<ListenerInfo> {
    const request = { connectionName, name, listener: wire.toListenerReqMessage(listener) };
    return wire.fromListenerMessage(
      required((await this.grpc.changeNlbListener(request, options)).listener, 'listener'),
    );
  }

  async changeNlbVmGroup(
    connectionName: string,
    name: string,
    group: { Protocol: string; Port: string },
    options?: CallOptions,
  ): Promise<VMGroupInfo> {
    const request = { connectionName, name, protocol: group.Protocol, port: group.Port };
    return wire.fromVmGroupMessage(required((await this.grpc.changeNlbVmGroup(request, options)).vmGroup, 'vm_group'));
  }

  async changeNlbHealthChecker(
    connectionName: string,
    name: string,
    checker: NlbHealthCheckerReq,
    options?: CallOptions,
  ): Promise<HealthCheckerInfo> {
    const request = { connectionName, name, healthChecker: wire.toHealthCheckerReqMessage(checker) };
    const { healthChecker } = await this.grpc.changeNlbHealthChecker(request, options);
    return wire.fromHealthCheckerMessage(required(healthChecker, 'health_checker'));
  }

  async getNlbHealth(connectionName: string, name: string, options?: CallOptions): Promise<HealthInfo> {
    const { healthInfo } = await this.grpc.getNlbHealth({ connectionName, name }, options);
    return wire.fromHealthInfoMessage(required(healthInfo, 'health_info'));
  }

  // ---- clusters and node groups

  async createCluster(connectionName: string, req: ClusterReq, options?: CallOptions): Promise<ClusterInfo> {
    const { cluster } = await this.grpc.createCluster(wire.toCreateClusterMessage(connectionName, req), options);
    return wire.fromClusterMessage(required(cluster, 'cluster'));
  }

  async listClusters(connectionName: string, options?: CallOptions): Promise<ClusterInfo[]> {
    return (await this.grpc.listClusters({ connectionName }, options)).clusters.map(wire.fromClusterMessage);
  }

  async getCluster(connectionName: string, name: string, options?: CallOptions): Promise<ClusterInfo> {
    const { cluster } = await this.grpc.getCluster({ connectionName, name }, options);
    return wire.fromClusterMessage(required(cluster, 'cluster'));
  }

  /** Its node groups go with it. */
  async deleteCluster(connectionName: string, name: string, options: DeleteCallOptions = {}): Promise<boolean> {
    return (await this.grpc.deleteCluster({ connectionName, name, force: forced(options) }, options)).result;
  }

  async upgradeCluster(
    connectionName: string,
    name: string,
    version: string,
    options?: CallOptions,
  ): Promise<ClusterInfo> {
    const { cluster } = await this.grpc.upgradeCluster({ connectionName, name, version }, options);
    return wire.fromClusterMessage(required(cluster, 'cluster'));
  }

  /** A bearer token for the cluster's API server. */
  async getClusterToken(connectionName: string, name: string, options?: CallOptions): Promise<string> {
    return (await this.grpc.getClusterToken({ connectionName, name }, options)).token;
  }

  /** Answers the whole cluster. */
  async addNodeGroup(
    connectionName: string,
    clusterName: string,
    req: NodeGroupReq,
    options?: CallOptions,
  ): Promise<ClusterInfo> {
    const request = { connectionName, clusterName, nodeGroup: wire.toNodeGroupReqMessage(req) };
    return wire.fromClusterMessage(required((await this.grpc.addNodeGroup(request, options)).cluster, 'cluster'));
  }

  async removeNodeGroup(
    connectionName: string,
    clusterName: string,
    nodeGroupName: string,
    options: DeleteCallOptions = {},
  ): Promise<boolean> {
    const request = { connectionName, clusterName, nodeGroupName, force: forced(options) };
    return (await this.grpc.removeNodeGroup(request, options)).result;
  }

  async setNodeGroupAutoScaling(
    connectionName: string,
    clusterName: string,
    nodeGroupName: string,
    onAutoScaling: boolean,
    options?: CallOptions,
  ): Promise<boolean> {
    const request = { connectionName, clusterName, nodeGroupName, onAutoScaling };
    return (await this.grpc.setNodeGroupAutoScaling(request, options)).result;
  }

  async changeNodeGroupScaling(
    connectionName: string,
    clusterName: string,
    nodeGroupName: string,
    size: NodeGroupScaling,
    options?: CallOptions,
  ): Promise<NodeGroupInfo> {
    const request = {
      connectionName,
      clusterName,
      nodeGroupName,
      desiredNodeSize: size.DesiredNodeSize,
      minNodeSize: size.MinNodeSize,
      maxNodeSize: size.MaxNodeSize,
    };
    const { nodeGroup } = await this.grpc.changeNodeGroupScaling(request, options);
    return wire.fromNodeGroupMessage(required(nodeGroup, 'node_group'));
  }

  // ---- tags

  async addTag(connectionName: string, target: TagTarget, tag: KeyValue, options?: CallOptions): Promise<KeyValue> {
    const request = { connectionName, ...targetMessage(target), tag: { key: tag.Key, value: tag.Value } };
    const answer = required((await this.grpc.addTag(request, options)).tag, 'tag');
    return { Key: answer.key, Value: answer.value };
  }

  /** The tags, and upstream's label of the type (`resourceType`: "VPC", "Kubernetes Cluster", ...). */
  async listTags(
    connectionName: string,
    target: TagTarget,
    options?: CallOptions,
  ): Promise<{ tag: KeyValue[]; resourceType: string }> {
    const { tags, resourceType } = await this.grpc.listTags({ connectionName, ...targetMessage(target) }, options);
    return { tag: wire.fromKeyValues(tags), resourceType };
  }

  async getTag(connectionName: string, target: TagTarget, key: string, options?: CallOptions): Promise<KeyValue> {
    const answer = (await this.grpc.getTag({ connectionName, ...targetMessage(target), key }, options)).tag;
    const tag = required(answer, 'tag');
    return { Key: tag.key, Value: tag.value };
  }

  async removeTag(connectionName: string, target: TagTarget, key: string, options?: CallOptions): Promise<boolean> {
    return (await this.grpc.removeTag({ connectionName, ...targetMessage(target), key }, options)).result;
  }
}

const targetMessage = (t: TagTarget) => ({ resourceType: t.ResourceType, resourceName: t.ResourceName });
