import type { ServiceImpl } from '@cb/grpc';
import type { spider } from '@cb/proto';
import { spiderWire as wire } from '@cb/spider-client';
import { requiredPart } from './req-info';
import { countedTypeOf, managedTypeOf, ownedTypeOf } from './resource-types';
import type { SpiderDomain } from './spider-domain';

type Management = Pick<
  ServiceImpl<typeof spider.SpiderService>,
  | 'addTag'
  | 'listTags'
  | 'getTag'
  | 'removeTag'
  | 'listAllResources'
  | 'listAllResourceInfos'
  | 'registerResource'
  | 'unregisterResource'
  | 'deleteCspResource'
  | 'countResources'
  | 'registerSubnet'
  | 'unregisterSubnet'
  | 'deleteCspSubnet'
  | 'getCspResourceOwner'
  | 'getVmUsingResources'
  | 'getCspVm'
>;

const targetOf = (m: { resourceType: string; resourceName: string }) => ({
  ResourceType: m.resourceType,
  ResourceName: m.resourceName,
});

/** Tags, and the management calls the same for every kind (all-lists, register, delete by cloud id, count). */
export function managementHandlers({ tags, management }: SpiderDomain): Management {
  return {
    async addTag(request) {
      const tag = wire.fromKeyValues([requiredPart(request.tag, 'tag')])[0];
      return { tag: wire.toKeyValues([await tags.add(request.connectionName, targetOf(request), tag)])[0] };
    },
    async listTags(request) {
      const { tags: list, label } = await tags.list(request.connectionName, targetOf(request));
      return { tags: wire.toKeyValues(list), resourceType: label };
    },
    async getTag(request) {
      const tag = await tags.get(request.connectionName, targetOf(request), request.key);
      return { tag: wire.toKeyValues([tag])[0] };
    },
    async removeTag(request) {
      return { result: await tags.remove(request.connectionName, targetOf(request), request.key) };
    },

    async listAllResources({ connectionName, resourceType }) {
      const list = await management.all(connectionName, managedTypeOf(resourceType));
      return { allList: wire.toAllListMessage(list) };
    },
    async listAllResourceInfos({ connectionName, resourceType }) {
      const type = managedTypeOf(resourceType);
      return wire.toAllListInfoMessage(type, await management.allInfo(connectionName, type));
    },
    async registerResource({ connectionName, resourceType, name, cspId, vpcName, zone }) {
      const type = managedTypeOf(resourceType);
      const req = {
        Name: name,
        CSPId: cspId,
        ...(vpcName ? { VPCName: vpcName } : {}),
        ...(zone ? { Zone: zone } : {}),
      };
      return { resource: wire.toResourceInfoMessage(type, await management.register(connectionName, type, req)) };
    },
    async unregisterResource({ connectionName, resourceType, name }) {
      return { result: await management.unregister(connectionName, managedTypeOf(resourceType), name) };
    },
    async deleteCspResource({ connectionName, resourceType, cspId }) {
      const { Result, Status } = await management.deleteInCloud(connectionName, managedTypeOf(resourceType), cspId);
      return { result: Result, status: Status };
    },
    async countResources({ resourceType, connectionName }) {
      return { count: await management.count(countedTypeOf(resourceType), connectionName || undefined) };
    },

    async registerSubnet({ connectionName, vpcName, name, cspId, zone }) {
      const req = { Name: name, VPCName: vpcName, CSPId: cspId, ...(zone ? { Zone: zone } : {}) };
      return { vpc: wire.toVpcMessage(await management.registerSubnet(connectionName, req)) };
    },
    async unregisterSubnet({ connectionName, vpcName, name }) {
      return { result: await management.unregisterSubnet(connectionName, vpcName, name) };
    },
    async deleteCspSubnet({ connectionName, vpcName, cspId }) {
      return { result: await management.deleteCspSubnet(connectionName, vpcName, cspId) };
    },

    async getCspResourceOwner({ connectionName, resourceType, cspId }) {
      return { vpcIid: wire.toIid(await management.owner(connectionName, ownedTypeOf(resourceType), cspId)) };
    },
    async getVmUsingResources({ connectionName, cspId }) {
      return wire.toVmUsingResourcesMessage(await management.vmUsingResources(connectionName, cspId));
    },
    async getCspVm({ connectionName, cspId }) {
      return { vm: wire.toVmMessage(await management.cspVm(connectionName, cspId)) };
    },
  };
}
