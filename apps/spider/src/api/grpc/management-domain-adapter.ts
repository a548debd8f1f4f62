import type { CallHistory } from '../../domain/calls';
import { cloudLookup } from '../../domain/resources/cloud-lookup';
import type { ManagedKind } from '../../domain/resources/managed-kind';
import { COUNTED_KINDS, managedKinds } from '../../domain/resources/managed-kinds';
import { management } from '../../domain/resources/management';
import type { ResourceRuntime } from '../../domain/resources/resource-runtime';
import { subnetManagement } from '../../domain/resources/subnet-management';
import type { VmService } from '../../domain/resources/vm';
import { registerSchema, subnetRegisterSchema, vpcNameSchema } from '../rest/resources/schemas';
import type { ManagedInfo, ManagedResourceType } from '@cb/spider-client';
import type { CallHistoryReader, Management } from './management-domain';
import { requiredPart, valid } from './req-info';

const OWNERS = {
  securitygroup: cloudLookup.securityGroupOwner,
  nlb: cloudLookup.nlbOwner,
  cluster: cloudLookup.clusterOwner,
};

/** The gRPC API's view of the management calls of spider's domain (management.ts and its kin). */
export function managementDomainOf(runtime: ResourceRuntime, vms: VmService): Management {
  const scope = (connectionName: string) => runtime.scope(connectionName);
  // Typed by the client's kinds: a kind the domain has and the API lacks (or the other way) does not compile.
  const kinds: { [T in ManagedResourceType]: ManagedKind<ManagedInfo[T]> } = managedKinds(vms);
  const kindOf = (type: ManagedResourceType): ManagedKind<ManagedInfo[ManagedResourceType]> => kinds[type];
  const cspId = (id: string) => requiredPart(id, 'csp_id');
  return {
    all: async (c, type) => management.all(await scope(c), kindOf(type)),
    allInfo: async (c, type) => management.allInfo(await scope(c), kinds[type]),
    register: async (c, type, req) =>
      management.register(await scope(c), kinds[type], valid(req, registerSchema, 'RegisterReqInfo')),
    unregister: async (c, type, name) => management.unregister(await scope(c), kindOf(type), name),
    deleteInCloud: async (c, type, id) => management.deleteInCloud(await scope(c), kindOf(type), cspId(id)),
    count: (type, connectionName) => management.count(runtime.iids, COUNTED_KINDS[type], connectionName || undefined),
    registerSubnet: async (c, req) =>
      subnetManagement.register(await scope(c), valid(req, subnetRegisterSchema, 'SubnetRegisterReqInfo')),
    unregisterSubnet: async (c, vpcName, name) => {
      const { VPCName } = valid({ VPCName: vpcName }, vpcNameSchema, 'SubnetUnregisterReqInfo');
      return subnetManagement.unregister(await scope(c), VPCName, name);
    },
    deleteCspSubnet: async (c, vpcName, id) => subnetManagement.deleteInCloud(await scope(c), vpcName, cspId(id)),
    owner: async (c, type, id) => OWNERS[type](await scope(c), cspId(id)),
    vmUsingResources: async (c, id) => cloudLookup.vmUsingResources(await scope(c), kinds.vm, cspId(id)),
    cspVm: async (c, id) => cloudLookup.vm(await scope(c), kinds.vm, cspId(id)),
  };
}

/** The call history, queried with the client's (upstream's) filter names. */
export function callHistoryOf(history: CallHistory): CallHistoryReader {
  const query = (q: Parameters<CallHistoryReader['list']>[0]) => ({
    connectionName: q.ConnectionName,
    providerName: q.ProviderName,
    resourceType: q.ResourceType,
    operation: q.Operation,
    outcome: q.Outcome,
    since: q.since instanceof Date ? q.since.toISOString() : q.since,
    limit: q.limit,
  });
  return { list: (q) => history.list(query(q)), stats: (q) => history.stats(query(q)) };
}
