import { clusters } from '../../domain/resources/cluster';
import { disks } from '../../domain/resources/disk';
import { myImages } from '../../domain/resources/my-image';
import { nlbs } from '../../domain/resources/nlb';
import { nodeGroups } from '../../domain/resources/node-group';
import type { ResourceRuntime } from '../../domain/resources/resource-runtime';
import { resourceTypeLabel, resourceTypeOf, tags } from '../../domain/resources/tag';
import {
  autoScalingSchema,
  clusterSchema,
  diskSchema,
  diskSizeSchema,
  diskVmSchema,
  healthCheckerSchema,
  listenerSchema,
  myImageSchema,
  nlbSchema,
  nlbVmsSchema,
  nodeGroupSchema,
  scalingSchema,
  tagAddSchema,
  tagTargetSchema,
  upgradeSchema,
  vmGroupSchema,
} from '../rest/resources/workload-schemas';
import { ID_TRANSFORM, requiredPart, valid } from './req-info';
import type { SpiderDomain } from './spider-domain';

type Workloads = Pick<SpiderDomain, 'disks' | 'myImages' | 'nlbs' | 'clusters' | 'tags'>;

/** The gRPC API's view of the disk, my-image, NLB, cluster and tag modules of spider's domain. */
export function workloadDomainOf(runtime: ResourceRuntime): Workloads {
  const scope = (connectionName: string) => runtime.scope(connectionName);
  const target = (value: unknown, structName: string) => {
    const { ResourceType, ResourceName } = valid(value, tagTargetSchema, structName);
    return { type: resourceTypeOf(ResourceType), name: ResourceName };
  };
  return {
    disks: {
      create: async (c, req) => disks.create(await scope(c), valid(req, diskSchema, 'DiskReqInfo'), ID_TRANSFORM),
      list: async (c) => disks.list(await scope(c)),
      get: async (c, name) => disks.get(await scope(c), name),
      delete: async (c, name, force) => disks.delete(await scope(c), name, force),
      attach: async (c, name, vmName) =>
        disks.attach(await scope(c), name, valid({ VMName: vmName }, diskVmSchema, 'DiskAttachReqInfo').VMName),
      detach: async (c, name, vmName) =>
        disks.detach(await scope(c), name, valid({ VMName: vmName }, diskVmSchema, 'DiskDetachReqInfo').VMName),
      changeSize: async (c, name, size) =>
        disks.changeSize(await scope(c), name, valid({ Size: size }, diskSizeSchema, 'DiskSizeReqInfo').Size),
    },
    myImages: {
      snapshot: async (c, req) =>
        myImages.create(await scope(c), valid(req, myImageSchema, 'MyImageReqInfo'), ID_TRANSFORM),
      list: async (c) => myImages.list(await scope(c)),
      get: async (c, name) => myImages.get(await scope(c), name),
      delete: async (c, name, force) => myImages.delete(await scope(c), name, force),
    },
    nlbs: {
      create: async (c, req) => nlbs.create(await scope(c), valid(req, nlbSchema, 'NLBReqInfo'), ID_TRANSFORM),
      list: async (c) => nlbs.list(await scope(c)),
      get: async (c, name) => nlbs.get(await scope(c), name),
      delete: async (c, name, force) => nlbs.delete(await scope(c), name, force),
      addVms: async (c, name, vms) =>
        nlbs.addVMs(await scope(c), name, valid({ VMs: vms }, nlbVmsSchema, 'NLBAddRemoveVMReqInfo').VMs),
      removeVms: async (c, name, vms) =>
        nlbs.removeVMs(await scope(c), name, valid({ VMs: vms }, nlbVmsSchema, 'NLBAddRemoveVMReqInfo').VMs),
      changeListener: async (c, name, listener) =>
        nlbs.changeListener(await scope(c), name, valid(listener, listenerSchema, 'ListenerInfo')),
      changeVmGroup: async (c, name, group) =>
        nlbs.changeVMGroup(await scope(c), name, valid(group, vmGroupSchema, 'VMGroupInfo')),
      changeHealthChecker: async (c, name, checker) =>
        nlbs.changeHealthChecker(await scope(c), name, valid(checker, healthCheckerSchema, 'HealthCheckerInfo')),
      health: async (c, name) => nlbs.health(await scope(c), name),
    },
    clusters: {
      create: async (c, req) =>
        clusters.create(await scope(c), valid(req, clusterSchema, 'ClusterReqInfo'), ID_TRANSFORM),
      list: async (c) => clusters.list(await scope(c)),
      get: async (c, name) => clusters.get(await scope(c), name),
      delete: async (c, name, force) => clusters.delete(await scope(c), name, force),
      upgrade: async (c, name, version) =>
        clusters.upgrade(
          await scope(c),
          name,
          valid({ Version: version }, upgradeSchema, 'UpgradeClusterReqInfo').Version,
        ),
      token: async (c, name) => clusters.token(await scope(c), name),
      addNodeGroup: async (c, cluster, req) =>
        nodeGroups.add(await scope(c), cluster, valid(req, nodeGroupSchema, 'NodeGroupReqInfo'), ID_TRANSFORM),
      removeNodeGroup: async (c, cluster, name, force) => nodeGroups.remove(await scope(c), cluster, name, force),
      setNodeGroupAutoScaling: async (c, cluster, name, on) => {
        const { OnAutoScaling } = valid({ OnAutoScaling: on }, autoScalingSchema, 'SetAutoScalingReqInfo');
        return nodeGroups.setAutoScaling(await scope(c), cluster, name, OnAutoScaling);
      },
      changeNodeGroupScaling: async (c, cluster, name, size) =>
        nodeGroups.changeScaling(
          await scope(c),
          cluster,
          name,
          valid(size, scalingSchema, 'ChangeNodeGroupScalingReqInfo'),
        ),
    },
    tags: {
      add: async (c, on, tag) => {
        const { ResourceType, ResourceName, Tag } = valid({ ...on, Tag: tag }, tagAddSchema, 'TagAddRequest');
        return tags.add(await scope(c), resourceTypeOf(ResourceType), ResourceName, Tag);
      },
      list: async (c, on) => {
        const { type, name } = target(on, 'TagListRequest');
        return { tags: await tags.list(await scope(c), type, name), label: resourceTypeLabel(type) };
      },
      get: async (c, on, key) => {
        const { type, name } = target(on, 'TagGetRequest');
        return tags.get(await scope(c), type, name, requiredPart(key, 'key'));
      },
      remove: async (c, on, key) => {
        const { type, name } = target(on, 'TagRemoveRequest');
        return tags.remove(await scope(c), type, name, requiredPart(key, 'key'));
      },
    },
  };
}
