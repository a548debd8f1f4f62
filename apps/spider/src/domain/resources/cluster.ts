import type { ClusterHandler, ClusterInfo, KeyValue, NodeGroupInfo, NodeGroupReqInfo } from '@cb/driver-sdk';
import { InvalidArgumentError } from '@cb/errors';
import type { EntityManager } from 'typeorm';
import { required } from '../calls';
import { type ConnectionScope, driverIid } from './connection-scope';
import { cloudNameFor } from './id-transform';
import { alreadyExists } from './kinds';
import { deleteThroughCloud, type ManagedKind } from './managed-kind';
import { NameBook } from './name-book';
import { recordCreated } from './record-created';

export interface NodeGroupRequest {
  Name: string;
  ImageName?: string;
  VMSpecName: string;
  RootDiskType?: string;
  RootDiskSize?: string;
  KeyPairName: string;
  OnAutoScaling: boolean;
  DesiredNodeSize: number;
  MinNodeSize: number;
  MaxNodeSize: number;
  TagList?: KeyValue[];
}

export interface ClusterRequest {
  Name: string;
  Version?: string;
  VPCName: string;
  SubnetNames: string[];
  SecurityGroupNames: string[];
  NodeGroupList: NodeGroupRequest[];
  TagList?: KeyValue[];
}

export const clusterHandler = (scope: ConnectionScope) => (cloud: { cluster(): ClusterHandler | undefined }) =>
  required(cloud.cluster(), 'clusters', scope.provider);

export const clusterLabel = (name: string, operation: string) => ({
  resourceType: 'cluster',
  resourceName: name,
  operation,
});

const REFERENCED = ['cluster', 'nodegroup', 'vpc', 'subnet', 'sg', 'keypair'] as const;

/** A node group request as the driver takes it: the user's key pair and image turned into cloud ids. */
export async function toDriverNodeGroup(
  scope: ConnectionScope,
  req: NodeGroupRequest,
  idTransform: boolean,
): Promise<NodeGroupReqInfo> {
  const key = await scope.row('keypair', req.KeyPairName);
  return {
    IId: { NameId: cloudNameFor('nodegroup', req.Name, idTransform), SystemId: '' },
    ...(req.ImageName ? { ImageIID: { NameId: req.ImageName, SystemId: req.ImageName } } : {}),
    VMSpecName: req.VMSpecName,
    ...(req.RootDiskType ? { RootDiskType: req.RootDiskType } : {}),
    ...(req.RootDiskSize ? { RootDiskSize: req.RootDiskSize } : {}),
    KeyPairIID: driverIid(key),
    OnAutoScaling: req.OnAutoScaling,
    DesiredNodeSize: req.DesiredNodeSize,
    MinNodeSize: req.MinNodeSize,
    MaxNodeSize: req.MaxNodeSize,
    ...(req.TagList ? { TagList: req.TagList } : {}),
  };
}

/** The row of a node group the cloud answered, named as the user asked (or by its cloud id when registered). */
export function recordNodeGroup(
  scope: ConnectionScope,
  clusterName: string,
  name: string,
  group: NodeGroupInfo,
  em: EntityManager,
) {
  return scope.iids.insert(
    'nodegroup',
    scope.newRow(name, group.IId, clusterName),
    () => alreadyExists('nodegroup', name, scope.name),
    em,
  );
}

/** Kubernetes clusters (upstream's PMKS ClusterManager); node groups are in node-group.ts. */
export const clusters = {
  async create(scope: ConnectionScope, req: ClusterRequest, idTransform: boolean): Promise<ClusterInfo> {
    await scope.ensureFree('cluster', req.Name);
    const seen = new Set<string>();
    for (const group of req.NodeGroupList) {
      if (seen.has(group.Name)) throw alreadyExists('nodegroup', group.Name, scope.name);
      seen.add(group.Name);
    }
    const vpc = await scope.row('vpc', req.VPCName);
    const subnets = await Promise.all(req.SubnetNames.map((s) => scope.row('subnet', s, req.VPCName)));
    const sgs = await Promise.all(req.SecurityGroupNames.map((s) => scope.row('sg', s)));
    const groups = await Promise.all(req.NodeGroupList.map((g) => toDriverNodeGroup(scope, g, idTransform)));
    const asked = new Map(groups.map((g, i) => [g.IId.NameId, req.NodeGroupList[i].Name]));
    const info = await scope.call(clusterLabel(req.Name, 'createCluster'), (c) =>
      clusterHandler(scope)(c).createCluster({
        IId: { NameId: cloudNameFor('cluster', req.Name, idTransform), SystemId: '' },
        ...(req.Version ? { Version: req.Version } : {}),
        Network: { VpcIID: driverIid(vpc), SubnetIIDs: subnets.map(driverIid), SecurityGroupIIDs: sgs.map(driverIid) },
        NodeGroupList: groups,
        ...(req.TagList ? { TagList: req.TagList } : {}),
      }),
    );
    await recordCreated(
      scope,
      async (em) => {
        await scope.iids.insert(
          'cluster',
          scope.newRow(req.Name, info.IId, req.VPCName),
          () => alreadyExists('cluster', req.Name, scope.name),
          em,
        );
        for (const group of info.NodeGroupList ?? []) {
          await recordNodeGroup(scope, req.Name, asked.get(group.IId.NameId) ?? group.IId.NameId, group, em);
        }
      },
      () =>
        scope.call(clusterLabel(req.Name, 'deleteCluster'), (c) => clusterHandler(scope)(c).deleteCluster(info.IId)),
    );
    return this.toUser(scope, info);
  },

  async list(scope: ConnectionScope): Promise<ClusterInfo[]> {
    const rows = await scope.iids.list('cluster', scope.name);
    if (!rows.length) return [];
    const infos = await scope.call({ resourceType: 'cluster', operation: 'listCluster' }, (c) =>
      clusterHandler(scope)(c).listCluster(),
    );
    const book = await NameBook.load(scope, [...REFERENCED]);
    return infos.filter((i) => book.rowOf('cluster', i.IId)).map((i) => toUserWith(book, i));
  },

  async get(scope: ConnectionScope, name: string): Promise<ClusterInfo> {
    const row = await scope.row('cluster', name);
    const info = await scope.call(clusterLabel(name, 'getCluster'), (c) =>
      clusterHandler(scope)(c).getCluster(driverIid(row)),
    );
    return this.toUser(scope, info);
  },

  /** Its node groups go with it. */
  async delete(scope: ConnectionScope, name: string, force: boolean): Promise<boolean> {
    const row = await scope.row('cluster', name);
    await deleteThroughCloud(
      scope,
      'cluster',
      row,
      force,
      () =>
        scope.call(clusterLabel(name, 'deleteCluster'), (c) => clusterHandler(scope)(c).deleteCluster(driverIid(row))),
      (em) => scope.iids.deleteOwned('nodegroup', scope.name, name, em),
    );
    return true;
  },

  async upgrade(scope: ConnectionScope, name: string, version: string): Promise<ClusterInfo> {
    const row = await scope.row('cluster', name);
    const info = await scope.call(clusterLabel(name, 'upgradeCluster'), (c) =>
      clusterHandler(scope)(c).upgradeCluster(driverIid(row), version),
    );
    return this.toUser(scope, info);
  },

  /** A bearer token for the cluster's API server, from the driver (upstream's GenerateClusterToken). */
  async token(scope: ConnectionScope, name: string): Promise<string> {
    const row = await scope.row('cluster', name);
    return scope.call(clusterLabel(name, 'generateClusterToken'), (c) => {
      const handler = clusterHandler(scope)(c);
      if (!handler.generateClusterToken) {
        throw new InvalidArgumentError(`${scope.provider} driver does not support cluster tokens`, {
          unsupported: true,
        });
      }
      return handler.generateClusterToken(driverIid(row));
    });
  },

  async toUser(scope: ConnectionScope, info: ClusterInfo): Promise<ClusterInfo> {
    return toUserWith(await NameBook.load(scope, [...REFERENCED]), info);
  },
};

function toUserWith(book: NameBook, info: ClusterInfo): ClusterInfo {
  const cluster = book.rowOf('cluster', info.IId);
  const vpc = book.rowOf('vpc', info.Network.VpcIID);
  return {
    ...info,
    IId: book.user('cluster', info.IId),
    Network: {
      ...info.Network,
      VpcIID: book.user('vpc', info.Network.VpcIID),
      SubnetIIDs: book.users('subnet', info.Network.SubnetIIDs, vpc?.nameId),
      SecurityGroupIIDs: book.users('sg', info.Network.SecurityGroupIIDs),
    },
    ...(info.NodeGroupList
      ? { NodeGroupList: info.NodeGroupList.map((g) => nodeGroupToUser(book, g, cluster?.nameId)) }
      : {}),
  };
}

/** A node group with the user's names of itself and its key pair. */
export function nodeGroupToUser(book: NameBook, group: NodeGroupInfo, clusterName?: string): NodeGroupInfo {
  return {
    ...group,
    IId: book.user('nodegroup', group.IId, clusterName),
    KeyPairIID: book.user('keypair', group.KeyPairIID),
  };
}

export const clusterKind: ManagedKind<ClusterInfo> = {
  kind: 'cluster',
  resourceType: 'cluster',
  listIID: (cloud) => required(cloud.cluster(), 'clusters', 'this').listIID(),
  get: (cloud, iid) => required(cloud.cluster(), 'clusters', 'this').getCluster(iid),
  remove: (cloud, iid) => required(cloud.cluster(), 'clusters', 'this').deleteCluster(iid),
  toUser: (scope, info) => clusters.toUser(scope, info),
  async ownerOf(scope, info, requested) {
    if (requested) return (await scope.row('vpc', requested)).nameId;
    return (await NameBook.load(scope, ['vpc'])).rowOf('vpc', info.Network.VpcIID)?.nameId ?? '';
  },
  async registerChildren(scope, row, info, em) {
    for (const group of info.NodeGroupList ?? []) {
      await recordNodeGroup(scope, row.nameId, group.IId.SystemId || group.IId.NameId, group, em);
    }
  },
  forgetChildren: (scope, row, em) => scope.iids.deleteOwned('nodegroup', scope.name, row.nameId, em),
};
