import type { IID, VMInfo, VPCInfo } from '@cb/driver-sdk';
import type { CallOptions } from '@cb/grpc';
import { required } from './catalog-client';
import type {
  AllList,
  AllListInfo,
  CallHistoryQuery,
  CallRecord,
  CloudDeleteResult,
  CountedResourceType,
  ManagedInfo,
  ManagedResourceType,
  OwnedResourceType,
  ProviderCallStats,
  RegisterReq,
  SubnetRegisterReq,
  VmUsingResources,
} from './management-types';
import { SpiderWorkloadClient } from './workload-client';
import * as wire from './wire';

/**
 * All of spider over gRPC, for tumblebug: the catalogs, the resources and workloads (see the classes it
 * extends), plus upstream's management calls (all-lists, register / unregister, delete by cloud id,
 * counts, lookups by cloud id) and the driver call history.
 */
export class SpiderClient extends SpiderWorkloadClient {
  // ---- management, the same for every kind (`type` is upstream's REST name: vpc, securitygroup, ...)

  async listAllResources(connectionName: string, type: ManagedResourceType, options?: CallOptions): Promise<AllList> {
    const { allList } = await this.grpc.listAllResources({ connectionName, resourceType: type }, options);
    return wire.fromAllListMessage(allList);
  }

  async listAllResourceInfos<T extends ManagedResourceType>(
    connectionName: string,
    type: T,
    options?: CallOptions,
  ): Promise<AllListInfo<ManagedInfo[T]>> {
    const answer = await this.grpc.listAllResourceInfos({ connectionName, resourceType: type }, options);
    return wire.fromAllListInfoMessage(type, answer);
  }

  /** Names a resource the cloud already has (nothing is created in the cloud); answers it. */
  async registerResource<T extends ManagedResourceType>(
    connectionName: string,
    type: T,
    req: RegisterReq,
    options?: CallOptions,
  ): Promise<ManagedInfo[T]> {
    const request = {
      connectionName,
      resourceType: type,
      name: req.Name,
      cspId: req.CSPId,
      vpcName: req.VPCName ?? '',
      zone: req.Zone ?? '',
    };
    const { resource } = await this.grpc.registerResource(request, options);
    return wire.fromResourceInfoMessage(type, required(resource, 'resource'));
  }

  /** Forgets spider's name only; the cloud's resource stays. */
  async unregisterResource(
    connectionName: string,
    type: ManagedResourceType,
    name: string,
    options?: CallOptions,
  ): Promise<boolean> {
    return (await this.grpc.unregisterResource({ connectionName, resourceType: type, name }, options)).result;
  }

  /** Deletes in the cloud by cloud id; a VM answers the status the cloud left it in. */
  async deleteCspResource(
    connectionName: string,
    type: ManagedResourceType,
    cspId: string,
    options?: CallOptions,
  ): Promise<CloudDeleteResult> {
    const { result, status } = await this.grpc.deleteCspResource(
      { connectionName, resourceType: type, cspId },
      options,
    );
    return { Result: result, ...(status !== undefined ? { Status: status as CloudDeleteResult['Status'] } : {}) };
  }

  /** Spider's count of the kind, in one connection or (none given) in all. */
  async countResources(type: CountedResourceType, connectionName = '', options?: CallOptions): Promise<number> {
    return (await this.grpc.countResources({ resourceType: type, connectionName }, options)).count;
  }

  // ---- subnets, inside a VPC

  /** Answers the VPC, with the subnet under its new name. */
  async registerSubnet(connectionName: string, req: SubnetRegisterReq, options?: CallOptions): Promise<VPCInfo> {
    const request = { connectionName, vpcName: req.VPCName, name: req.Name, cspId: req.CSPId, zone: req.Zone ?? '' };
    return wire.fromVpcMessage(required((await this.grpc.registerSubnet(request, options)).vpc, 'vpc'));
  }

  async unregisterSubnet(
    connectionName: string,
    vpcName: string,
    name: string,
    options?: CallOptions,
  ): Promise<boolean> {
    return (await this.grpc.unregisterSubnet({ connectionName, vpcName, name }, options)).result;
  }

  async deleteCspSubnet(
    connectionName: string,
    vpcName: string,
    cspId: string,
    options?: CallOptions,
  ): Promise<boolean> {
    return (await this.grpc.deleteCspSubnet({ connectionName, vpcName, cspId }, options)).result;
  }

  // ---- lookups by cloud id (IIDs spider knows carry the user's names)

  /** The VPC that owns the security group, NLB or cluster the cloud knows as `cspId`. */
  async getCspResourceOwner(
    connectionName: string,
    type: OwnedResourceType,
    cspId: string,
    options?: CallOptions,
  ): Promise<IID> {
    const { vpcIid } = await this.grpc.getCspResourceOwner({ connectionName, resourceType: type, cspId }, options);
    return wire.fromIid(vpcIid);
  }

  async getVmUsingResources(connectionName: string, cspId: string, options?: CallOptions): Promise<VmUsingResources> {
    return wire.fromVmUsingResourcesMessage(await this.grpc.getVmUsingResources({ connectionName, cspId }, options));
  }

  async getCspVm(connectionName: string, cspId: string, options?: CallOptions): Promise<VMInfo> {
    return wire.fromVmMessage(required((await this.grpc.getCspVm({ connectionName, cspId }, options)).vm, 'vm'));
  }

  // ---- call history (upstream's HisCall)

  /** Driver calls, newest first (`limit` default 100, at most 1000). */
  async listCallHistory(query: CallHistoryQuery = {}, options?: CallOptions): Promise<CallRecord[]> {
    const request = { filter: wire.toCallHistoryFilterMessage(query), limit: query.limit ?? 0 };
    return (await this.grpc.listCallHistory(request, options)).calls.map(wire.fromCallRecordMessage);
  }

  /** Calls, errors and latency per provider over the filtered calls. */
  async getCallHistoryStats(query: CallHistoryQuery = {}, options?: CallOptions): Promise<ProviderCallStats[]> {
    const { stats } = await this.grpc.getCallHistoryStats({ filter: wire.toCallHistoryFilterMessage(query) }, options);
    return stats.map(wire.fromProviderCallStatsMessage);
  }
}
