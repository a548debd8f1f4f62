import type { IID, VMInfo, VPCInfo } from '@cb/driver-sdk';
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
} from '@cb/spider-client';

/*
 * What the gRPC API asks of spider's domain for the management calls and the call history (see
 * spider-domain.ts). Kinds come by upstream's REST names, already checked by the handlers.
 */

export interface Management {
  all(connectionName: string, type: ManagedResourceType): Promise<AllList>;
  allInfo<T extends ManagedResourceType>(connectionName: string, type: T): Promise<AllListInfo<ManagedInfo[T]>>;
  register<T extends ManagedResourceType>(connectionName: string, type: T, req: RegisterReq): Promise<ManagedInfo[T]>;
  unregister(connectionName: string, type: ManagedResourceType, name: string): Promise<boolean>;
  deleteInCloud(connectionName: string, type: ManagedResourceType, cspId: string): Promise<CloudDeleteResult>;
  /** Rows of the kind in spider, of one connection or (no name) of all. */
  count(type: CountedResourceType, connectionName?: string): Promise<number>;
  registerSubnet(connectionName: string, req: SubnetRegisterReq): Promise<VPCInfo>;
  unregisterSubnet(connectionName: string, vpcName: string, name: string): Promise<boolean>;
  deleteCspSubnet(connectionName: string, vpcName: string, cspId: string): Promise<boolean>;
  /** The VPC that owns a resource found in the cloud by its id. */
  owner(connectionName: string, type: OwnedResourceType, cspId: string): Promise<IID>;
  vmUsingResources(connectionName: string, cspId: string): Promise<VmUsingResources>;
  cspVm(connectionName: string, cspId: string): Promise<VMInfo>;
}

export interface CallHistoryReader {
  /** Newest first. */
  list(query: CallHistoryQuery): Promise<CallRecord[]>;
  stats(query: CallHistoryQuery): Promise<ProviderCallStats[]>;
}
