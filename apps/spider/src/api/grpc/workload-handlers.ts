import type { ServiceImpl } from '@cb/grpc';
import type { spider } from '@cb/proto';
import { spiderWire as wire } from '@cb/spider-client';
import { requiredPart } from './req-info';
import type { SpiderDomain } from './spider-domain';

type Workload = Pick<
  ServiceImpl<typeof spider.SpiderService>,
  | 'snapshotVm'
  | 'listMyImages'
  | 'getMyImage'
  | 'deleteMyImage'
  | 'createNlb'
  | 'listNlbs'
  | 'getNlb'
  | 'deleteNlb'
  | 'addNlbVms'
  | 'removeNlbVms'
  | 'changeNlbListener'
  | 'changeNlbVmGroup'
  | 'changeNlbHealthChecker'
  | 'getNlbHealth'
  | 'createCluster'
  | 'listClusters'
  | 'getCluster'
  | 'deleteCluster'
  | 'upgradeCluster'
  | 'getClusterToken'
  | 'addNodeGroup'
  | 'removeNodeGroup'
  | 'setNodeGroupAutoScaling'
  | 'changeNodeGroupScaling'
>;

/** My-images, NLBs, clusters and node groups. */
export function workloadHandlers({ myImages, nlbs, clusters }: SpiderDomain): Workload {
  return {
    async snapshotVm(request) {
      const image = await myImages.snapshot(request.connectionName, wire.fromSnapshotVmMessage(request));
      return { myImage: wire.toMyImageMessage(image) };
    },
    async listMyImages({ connectionName }) {
      return { myImages: (await myImages.list(connectionName)).map(wire.toMyImageMessage) };
    },
    async getMyImage({ connectionName, name }) {
      return { myImage: wire.toMyImageMessage(await myImages.get(connectionName, name)) };
    },
    async deleteMyImage({ connectionName, name, force }) {
      return { result: await myImages.delete(connectionName, name, force) };
    },

    async createNlb(request) {
      // A missing message is not an empty one: say which part is missing.
      const listener = requiredPart(request.listener, 'listener');
      const healthChecker = requiredPart(request.healthChecker, 'health_checker');
      const req = wire.fromCreateNlbMessage({ ...request, listener, healthChecker });
      return { nlb: wire.toNlbMessage(await nlbs.create(request.connectionName, req)) };
    },
    async listNlbs({ connectionName }) {
      return { nlbs: (await nlbs.list(connectionName)).map(wire.toNlbMessage) };
    },
    async getNlb({ connectionName, name }) {
      return { nlb: wire.toNlbMessage(await nlbs.get(connectionName, name)) };
    },
    async deleteNlb({ connectionName, name, force }) {
      return { result: await nlbs.delete(connectionName, name, force) };
    },
    async addNlbVms({ connectionName, name, vmNames }) {
      return { nlb: wire.toNlbMessage(await nlbs.addVms(connectionName, name, vmNames)) };
    },
    async removeNlbVms({ connectionName, name, vmNames }) {
      return { result: await nlbs.removeVms(connectionName, name, vmNames) };
    },
    async changeNlbListener({ connectionName, name, listener }) {
      const asked = wire.fromListenerReqMessage(requiredPart(listener, 'listener'));
      return { listener: wire.toListenerMessage(await nlbs.changeListener(connectionName, name, asked)) };
    },
    async changeNlbVmGroup({ connectionName, name, protocol, port }) {
      const group = await nlbs.changeVmGroup(connectionName, name, { Protocol: protocol, Port: port });
      return { vmGroup: wire.toVmGroupMessage(group) };
    },
    async changeNlbHealthChecker({ connectionName, name, healthChecker }) {
      const asked = wire.fromHealthCheckerReqMessage(requiredPart(healthChecker, 'health_checker'));
      const checker = await nlbs.changeHealthChecker(connectionName, name, asked);
      return { healthChecker: wire.toHealthCheckerMessage(checker) };
    },
    async getNlbHealth({ connectionName, name }) {
      return { healthInfo: wire.toHealthInfoMessage(await nlbs.health(connectionName, name)) };
    },

    async createCluster(request) {
      const cluster = await clusters.create(request.connectionName, wire.fromCreateClusterMessage(request));
      return { cluster: wire.toClusterMessage(cluster) };
    },
    async listClusters({ connectionName }) {
      return { clusters: (await clusters.list(connectionName)).map(wire.toClusterMessage) };
    },
    async getCluster({ connectionName, name }) {
      return { cluster: wire.toClusterMessage(await clusters.get(connectionName, name)) };
    },
    async deleteCluster({ connectionName, name, force }) {
      return { result: await clusters.delete(connectionName, name, force) };
    },
    async upgradeCluster({ connectionName, name, version }) {
      return { cluster: wire.toClusterMessage(await clusters.upgrade(connectionName, name, version)) };
    },
    async getClusterToken({ connectionName, name }) {
      return { token: await clusters.token(connectionName, name) };
    },
    async addNodeGroup({ connectionName, clusterName, nodeGroup }) {
      const req = wire.fromNodeGroupReqMessage(requiredPart(nodeGroup, 'node_group'));
      return { cluster: wire.toClusterMessage(await clusters.addNodeGroup(connectionName, clusterName, req)) };
    },
    async removeNodeGroup({ connectionName, clusterName, nodeGroupName, force }) {
      return { result: await clusters.removeNodeGroup(connectionName, clusterName, nodeGroupName, force) };
    },
    async setNodeGroupAutoScaling({ connectionName, clusterName, nodeGroupName, onAutoScaling }) {
      return {
        result: await clusters.setNodeGroupAutoScaling(connectionName, clusterName, nodeGroupName, onAutoScaling),
      };
    },
    async changeNodeGroupScaling({ connectionName, clusterName, nodeGroupName, ...size }) {
      const scaling = {
        DesiredNodeSize: size.desiredNodeSize,
        MinNodeSize: size.minNodeSize,
        MaxNodeSize: size.maxNodeSize,
      };
      const group = await clusters.changeNodeGroupScaling(connectionName, clusterName, nodeGroupName, scaling);
      return { nodeGroup: wire.toNodeGroupMessage(group) };
    },
  };
}
