import type {
  ClusterInfo,
  DiskInfo,
  IID,
  KeyPairInfo,
  MyImageInfo,
  NLBInfo,
  SecurityInfo,
  VMInfo,
  VMStatus,
  VPCInfo,
} from '@cb/driver-sdk';

/*
 * Upstream's management calls, the same for every kind, and the call history: what they take and answer.
 */

/** Each managed kind by upstream's REST name (`/all<rs>`, `/reg<rs>`, `/csp<rs>`), with its info shape. */
export interface ManagedInfo {
  vpc: VPCInfo;
  securitygroup: SecurityInfo;
  keypair: KeyPairInfo;
  vm: VMInfo;
  disk: DiskInfo;
  myimage: MyImageInfo;
  nlb: NLBInfo;
  cluster: ClusterInfo;
}

export type ManagedResourceType = keyof ManagedInfo;

export const MANAGED_RESOURCE_TYPES: readonly ManagedResourceType[] = [
  'vpc',
  'securitygroup',
  'keypair',
  'vm',
  'disk',
  'myimage',
  'nlb',
  'cluster',
];

/** What `CountResources` counts: the managed kinds and subnets. */
export type CountedResourceType = ManagedResourceType | 'subnet';

/** The kinds whose owner VPC a lookup by cloud id answers. */
export type OwnedResourceType = 'securitygroup' | 'nlb' | 'cluster';

/** IIDs spider and the cloud both know, spider only, the cloud only. */
export interface AllList {
  MappedList: IID[];
  OnlySpiderList: IID[];
  OnlyCSPList: IID[];
}

export interface AllListInfo<I> {
  /** Upstream's RSType of the kind: vpc, sg, keypair, vm, ... */
  ResourceType: string;
  AllListInfo: { MappedInfoList: I[]; OnlySpiderList: IID[]; OnlyCSPInfoList: I[] };
}

/** Names a resource the cloud already has; nothing is created in the cloud. */
export interface RegisterReq {
  Name: string;
  CSPId: string;
  /** The owner VPC (security groups, NLBs, clusters) when the cloud's answer does not say. */
  VPCName?: string;
  Zone?: string;
}

export interface SubnetRegisterReq {
  Name: string;
  VPCName: string;
  CSPId: string;
  Zone?: string;
}

/** Deleting by cloud id: the result, and for a VM the status the cloud answered. */
export interface CloudDeleteResult {
  Result: boolean;
  Status?: VMStatus;
}

/** What a VM found in the cloud uses (upstream's `/getvmusingresources`). */
export interface VmUsingResources {
  VPC: IID;
  SGList: IID[];
  VMKey: IID;
}

/** Filters of the call history (upstream's HisCall); absent ones match any call. */
export interface CallHistoryQuery {
  ConnectionName?: string;
  ProviderName?: string;
  /** Upstream's RSType: vpc, sg, vm, ... */
  ResourceType?: string;
  /** The driver method, e.g. startVM. */
  Operation?: string;
  /** `ok`, `error` (any failure) or one error code. */
  Outcome?: string;
  since?: Date | string;
  /** Default 100, at most 1000 (the statistics take no limit). */
  limit?: number;
}

export interface CallRecord {
  /** ISO 8601, when the call started. */
  At: string;
  ConnectionName: string;
  ProviderName: string;
  ResourceType: string;
  ResourceName: string;
  Operation: string;
  ElapsedMs: number;
  Outcome: string;
  ErrorMSG?: string;
}

export interface ProviderCallStats {
  ProviderName: string;
  Calls: number;
  Errors: number;
  AvgMs: number;
  P50Ms: number;
  P95Ms: number;
  MaxMs: number;
}
