import type { ClusterInfo, NodeGroupInfo } from '@cb/driver-sdk';
import { type ConnectionScope, driverIid } from './connection-scope';
import {
  clusterHandler as handler,
  clusterLabel,
  clusters,
  type NodeGroupRequest,
  nodeGroupToUser,
  recordNodeGroup,
  toDriverNodeGroup,
} from './cluster';
import { deleteThroughCloud } from './managed-kind';
import { NameBook } from './name-book';
import { recordCreated } from './record-created';

/** The node groups of a cluster; a node group's name is unique within its cluster. */
export const nodeGroups = {
  /** Answers the whole cluster, as upstream. */
  async add(
    scope: ConnectionScope,
    clusterName: string,
    req: NodeGroupRequest,
    idTransform: boolean,
  ): Promise<ClusterInfo> {
    const cluster = await scope.row('cluster', clusterName);
    await scope.ensureFree('nodegroup', req.Name, clusterName);
    const groupReq = await toDriverNodeGroup(scope, req, idTransform);
    const label = clusterLabel(clusterName, 'addNodeGroup');
    const group = await scope.call(label, (c) => handler(scope)(c).addNodeGroup(driverIid(cluster), groupReq));
    await recordCreated(
      scope,
      (em) => recordNodeGroup(scope, clusterName, req.Name, group, em),
      () =>
        scope.call({ ...label, operation: 'removeNodeGroup' }, (c) =>
          handler(scope)(c).removeNodeGroup(driverIid(cluster), group.IId),
        ),
    );
    return clusters.get(scope, clusterName);
  },

  async remove(scope: ConnectionScope, clusterName: string, name: string, force: boolean): Promise<boolean> {
    const cluster = await scope.row('cluster', clusterName);
    const group = await scope.row('nodegroup', name, clusterName);
    await deleteThroughCloud(scope, 'nodegroup', group, force, () =>
      scope.call(clusterLabel(clusterName, 'removeNodeGroup'), (c) =>
        handler(scope)(c).removeNodeGroup(driverIid(cluster), driverIid(group)),
      ),
    );
    return true;
  },

  async setAutoScaling(scope: ConnectionScope, clusterName: string, name: string, on: boolean): Promise<boolean> {
    const cluster = await scope.row('cluster', clusterName);
    const group = await scope.row('nodegroup', name, clusterName);
    return scope.call(clusterLabel(clusterName, 'setNodeGroupAutoScaling'), (c) =>
      handler(scope)(c).setNodeGroupAutoScaling(driverIid(cluster), driverIid(group), on),
    );
  },

  async changeScaling(
    scope: ConnectionScope,
    clusterName: string,
    name: string,
    size: { DesiredNodeSize: number; MinNodeSize: number; MaxNodeSize: number },
  ): Promise<NodeGroupInfo> {
    const cluster = await scope.row('cluster', clusterName);
    const group = await scope.row('nodegroup', name, clusterName);
    const info = await scope.call(clusterLabel(clusterName, 'changeNodeGroupScaling'), (c) =>
      handler(scope)(c).changeNodeGroupScaling(
        driverIid(cluster),
        driverIid(group),
        size.DesiredNodeSize,
        size.MinNodeSize,
        size.MaxNodeSize,
      ),
    );
    return nodeGroupToUser(await NameBook.load(scope, ['nodegroup', 'keypair']), info, clusterName);
  },
};
