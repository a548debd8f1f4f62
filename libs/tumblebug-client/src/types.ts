/** What tumblebug answers, as plain objects (never protobuf messages); names follow upstream's JSON. */

export interface Namespace {
  id: string;
  uid: string;
  name: string;
  description: string;
}

/** A spider connection config as tumblebug sees it, with its region's coordinates when known. */
export interface Connection {
  configName: string;
  providerName: string;
  driverName: string;
  credentialName: string;
  regionZoneInfoName: string;
  regionId: string;
  regionDisplay: string;
  zones: string[];
  latitude?: number;
  longitude?: number;
}

export type ResourceType = 'vNet' | 'securityGroup' | 'sshKey' | 'image' | 'spec' | 'customImage' | 'dataDisk';

export interface RecommendSpecQuery {
  filter?: { metric: string; conditions: { operator?: string; operand: string }[] }[];
  priority?: { metric: string; parameters?: { key: string; values: string[] }[] }[];
  /** 0 or absent: every match. */
  limit?: number;
}

export interface RecommendedSpec {
  /** SpecInfo in upstream's JSON shape. */
  spec: Record<string, unknown>;
  rank: number;
  scoreParts: { metric: string; value: number; explanation: string }[];
}

export type PartialFailurePolicy = 'continue' | 'rollback' | 'refine';

export interface McisSettings {
  name: string;
  description?: string;
  label?: Record<string, string>;
  systemLabel?: string;
  placementAlgo?: string;
  policyOnPartialFailure?: PartialFailurePolicy;
  /** Build everything, then wait in Prepared for `continue` or `withdraw`. */
  hold?: boolean;
}

export interface SubGroupReq {
  name: string;
  subGroupSize?: number;
  connectionName: string;
  specId: string;
  imageId: string;
  vNetId: string;
  subnetId: string;
  securityGroupIds: string[];
  sshKeyId: string;
  dataDiskIds?: string[];
  vmUserName?: string;
  vmUserPassword?: string;
  rootDiskType?: string;
  rootDiskSize?: number;
  label?: Record<string, string>;
  description?: string;
}

export interface DynamicSubGroupReq {
  name: string;
  subGroupSize?: number;
  specId: string;
  imageId: string;
  connectionName?: string;
  zone?: string;
  rootDiskType?: string;
  rootDiskSize?: number;
  vmUserPassword?: string;
  label?: Record<string, string>;
  description?: string;
}

export interface McisReq extends McisSettings {
  subGroups: SubGroupReq[];
}

export interface McisDynamicReq extends McisSettings {
  subGroups: DynamicSubGroupReq[];
}

export interface StatusCount {
  countTotal: number;
  countCreating: number;
  countRunning: number;
  countFailed: number;
  countSuspended: number;
  countRebooting: number;
  countTerminated: number;
  countSuspending: number;
  countResuming: number;
  countTerminating: number;
  countRegistering: number;
  countUndefined: number;
}

export interface Vm {
  id: string;
  uid: string;
  subGroupId: string;
  cspResourceName: string;
  cspResourceId: string;
  connectionName: string;
  providerName: string;
  region: string;
  zone: string;
  location: { display: string; latitude: number; longitude: number };
  status: string;
  targetStatus: string;
  targetAction: string;
  nativeStatus: string;
  systemMessage: string;
  createdAt?: Date;
  publicIP: string;
  privateIP: string;
  publicDNS: string;
  privateDNS: string;
  sshPort: number;
  specId: string;
  cspSpecName: string;
  imageId: string;
  cspImageName: string;
  vNetId: string;
  subnetId: string;
  securityGroupIds: string[];
  sshKeyId: string;
  dataDiskIds: string[];
  vmUserName: string;
  rootDiskType: string;
  rootDiskSize: number;
  label: Record<string, string>;
  description: string;
}

export interface Mcis {
  id: string;
  uid: string;
  description: string;
  /** "Running:3 (R:3/3)", "Partial-Running:2 (R:2/3)", ... */
  status: string;
  statusCount: StatusCount;
  targetStatus: string;
  targetAction: string;
  label: Record<string, string>;
  systemLabel: string;
  systemMessage: string[];
  placementAlgo: string;
  policyOnPartialFailure: PartialFailurePolicy;
  vms: Vm[];
  newVmList: string[];
  creationErrors?: Record<string, unknown>;
}

export interface VmStatus {
  id: string;
  status: string;
  targetStatus: string;
  targetAction: string;
  nativeStatus: string;
  systemMessage: string;
  publicIP: string;
  privateIP: string;
  sshPort: number;
}

export interface McisStatus {
  nsId: string;
  id: string;
  status: string;
  statusCount: StatusCount;
  targetStatus: string;
  targetAction: string;
  masterVmId: string;
  masterIp: string;
  vms: VmStatus[];
}

export type McisAction = 'suspend' | 'resume' | 'reboot' | 'terminate' | 'refine' | 'continue' | 'withdraw';

/** One thing WatchMcis saw: the status at the start, then each event as it was committed. */
export type McisWatchEvent =
  | { type: 'snapshot'; at: Date; status: McisStatus }
  | { type: 'created'; at: Date; nsId: string; mcisId: string; vmCount: number }
  | { type: 'statusChanged'; at: Date; nsId: string; mcisId: string; previousStatus: string; status: string }
  | {
      type: 'vmStatusChanged';
      at: Date;
      nsId: string;
      mcisId: string;
      vmId: string;
      previousStatus: string;
      status: string;
    }
  | { type: 'deleted'; at: Date; nsId: string; mcisId: string };
