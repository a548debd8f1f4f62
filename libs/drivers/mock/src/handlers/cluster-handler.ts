import {
  DriverError,
  type ClusterHandler,
  type ClusterInfo,
  type ClusterReqInfo,
  type IID,
  type NodeGroupInfo,
  type NodeGroupReqInfo,
} from '@cb/driver-sdk';
import { type MockEnv, nowIso } from './mock-env';
import { requireName } from './vpc-handler';

/** Clusters and node groups come up Active at once, as upstream's mock. */
export class MockClusterHandler implements ClusterHandler {
  constructor(private readonly env: MockEnv) {}

  async createCluster(req: ClusterReqInfo): Promise<ClusterInfo> {
    requireName(req.IId, 'cluster');
    const { cloud } = this.env;
    const vpc = cloud.vpcs.get(req.Network.VpcIID);
    const subnets = req.Network.SubnetIIDs.map((s) => {
      const found = vpc.SubnetInfoList.find((x) => x.IId.NameId === s.NameId);
      if (!found) throw new DriverError('NOT_FOUND', `subnet '${s.NameId}' does not exist in VPC '${vpc.IId.NameId}'`);
      return found.IId;
    });
    const groups = req.Network.SecurityGroupIIDs.map((sg) => cloud.securityGroups.get(sg).IId);
    if (cloud.clusters.has(req.IId))
      throw new DriverError('ALREADY_EXISTS', `Cluster '${req.IId.NameId}' already exists`);
    const id = { NameId: req.IId.NameId, SystemId: req.IId.NameId };
    return cloud.clusters.insert({
      IId: id,
      Version: req.Version || '1.30',
      Network: { VpcIID: vpc.IId, SubnetIIDs: subnets, SecurityGroupIIDs: groups },
      NodeGroupList: (req.NodeGroupList ?? []).map((g) => this.toNodeGroup(g)),
      AccessInfo: { Endpoint: `https://${id.NameId}.k8s.spider.barista.com`, Kubeconfig: kubeconfig(id.NameId) },
      Status: 'Active',
      CreatedTime: nowIso(this.env),
      ...(req.TagList?.length ? { TagList: req.TagList } : {}),
    });
  }

  async listCluster(): Promise<ClusterInfo[]> {
    return this.env.cloud.clusters.list();
  }

  async getCluster(clusterIID: IID): Promise<ClusterInfo> {
    return this.env.cloud.clusters.get(clusterIID);
  }

  async deleteCluster(clusterIID: IID): Promise<boolean> {
    this.env.cloud.clusters.delete(clusterIID);
    return true;
  }

  async addNodeGroup(clusterIID: IID, req: NodeGroupReqInfo): Promise<NodeGroupInfo> {
    const cluster = this.env.cloud.clusters.ref(clusterIID);
    const groups = (cluster.NodeGroupList ??= []);
    if (groups.some((g) => g.IId.NameId === req.IId.NameId)) {
      throw new DriverError(
        'ALREADY_EXISTS',
        `NodeGroup '${req.IId.NameId}' already exists in '${cluster.IId.NameId}'`,
      );
    }
    const group = this.toNodeGroup(req);
    groups.push(group);
    return structuredClone(group);
  }

  async setNodeGroupAutoScaling(clusterIID: IID, nodeGroupIID: IID, on: boolean): Promise<boolean> {
    this.nodeGroup(clusterIID, nodeGroupIID).OnAutoScaling = on;
    return true;
  }

  async changeNodeGroupScaling(
    clusterIID: IID,
    nodeGroupIID: IID,
    desired: number,
    min: number,
    max: number,
  ): Promise<NodeGroupInfo> {
    checkSizes(desired, min, max);
    const group = this.nodeGroup(clusterIID, nodeGroupIID);
    Object.assign(group, {
      DesiredNodeSize: desired,
      MinNodeSize: min,
      MaxNodeSize: max,
      Nodes: nodes(group.IId, desired),
    });
    return structuredClone(group);
  }

  async removeNodeGroup(clusterIID: IID, nodeGroupIID: IID): Promise<boolean> {
    const cluster = this.env.cloud.clusters.ref(clusterIID);
    const group = this.nodeGroup(clusterIID, nodeGroupIID);
    cluster.NodeGroupList = cluster.NodeGroupList!.filter((g) => g !== group);
    return true;
  }

  async upgradeCluster(clusterIID: IID, version: string): Promise<ClusterInfo> {
    if (!version) throw new DriverError('INVALID_ARGUMENT', 'cluster version is empty');
    const cluster = this.env.cloud.clusters.ref(clusterIID);
    cluster.Version = version;
    return structuredClone(cluster);
  }

  /** A token that names the cluster and the (mock) time it was issued. */
  async generateClusterToken(clusterIID: IID): Promise<string> {
    const cluster = this.env.cloud.clusters.ref(clusterIID);
    return `mock-cluster-token.${cluster.IId.SystemId}.${this.env.clock.now()}`;
  }

  async listIID(): Promise<IID[]> {
    return this.env.cloud.clusters.iids();
  }

  private nodeGroup(clusterIID: IID, nodeGroupIID: IID): NodeGroupInfo {
    const cluster = this.env.cloud.clusters.ref(clusterIID);
    const group = cluster.NodeGroupList?.find((g) => g.IId.NameId === nodeGroupIID.NameId);
    if (!group) {
      throw new DriverError(
        'NOT_FOUND',
        `NodeGroup '${nodeGroupIID.NameId}' does not exist in '${cluster.IId.NameId}'`,
      );
    }
    return group;
  }

  private toNodeGroup(req: NodeGroupReqInfo): NodeGroupInfo {
    requireName(req.IId, 'node group');
    checkSizes(req.DesiredNodeSize, req.MinNodeSize, req.MaxNodeSize);
    this.env.specs.get(req.VMSpecName);
    const key = this.env.cloud.keyPairs.get(req.KeyPairIID).IId;
    const image = req.ImageIID?.NameId ? this.env.images.get(req.ImageIID).IId : { NameId: '', SystemId: '' };
    const id = { NameId: req.IId.NameId, SystemId: req.IId.NameId };
    return {
      IId: id,
      ImageIID: image,
      VMSpecName: req.VMSpecName,
      RootDiskType: req.RootDiskType || 'SSD',
      RootDiskSize: req.RootDiskSize || '32',
      KeyPairIID: key,
      OnAutoScaling: req.OnAutoScaling,
      DesiredNodeSize: req.DesiredNodeSize,
      MinNodeSize: req.MinNodeSize,
      MaxNodeSize: req.MaxNodeSize,
      Status: 'Active',
      Nodes: nodes(id, req.DesiredNodeSize),
      ...(req.TagList?.length ? { TagList: req.TagList } : {}),
    };
  }
}

function checkSizes(desired: number, min: number, max: number): void {
  const whole = [desired, min, max].every((n) => Number.isInteger(n) && n >= 0);
  if (!whole || min > max || desired < min || desired > max) {
    throw new DriverError(
      'INVALID_ARGUMENT',
      `node sizes need 0 <= min (${min}) <= desired (${desired}) <= max (${max})`,
    );
  }
}

function nodes(group: IID, count: number): IID[] {
  return Array.from({ length: count }, (_, i) => ({
    NameId: `${group.NameId}-node-${i + 1}`,
    SystemId: `${group.SystemId}-node-${i + 1}`,
  }));
}

function kubeconfig(cluster: string): string {
  return `apiVersion: v1\nkind: Config\nclusters:\n- name: ${cluster}\n  cluster:\n    server: https://${cluster}.k8s.spider.barista.com\n`;
}
