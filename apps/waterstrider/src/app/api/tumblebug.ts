// Hand-written types: tumblebug's OpenAPI document is not available yet. Shapes are upstream
// CB-Tumblebug v0.12.5 (`mci`), the contract apps/tumblebug implements.
import type { Request } from './http';

export interface NsInfo {
  id: string;
  name: string;
  description?: string;
}
export interface Location {
  display?: string;
  latitude: number;
  longitude: number;
}
export interface VmInfo {
  id: string;
  name: string;
  subGroupId?: string;
  status: string;
  targetStatus?: string;
  targetAction?: string;
  location?: Location;
  region?: { region?: string; zone?: string };
  publicIP?: string;
  privateIP?: string;
  connectionName?: string;
  connectionConfig?: { providerName?: string; regionName?: string; configName?: string };
  specId?: string;
  cspSpecName?: string;
  imageId?: string;
  cspImageName?: string;
  spec?: { costPerHour?: number; vCPU?: number; memoryGiB?: number };
}
export interface MciInfo {
  id: string;
  name: string;
  description?: string;
  status: string;
  targetStatus?: string;
  targetAction?: string;
  statusCount?: Record<string, number>;
  vm?: VmInfo[];
  systemMessage?: string[] | string;
}
export interface SpecInfo {
  id: string;
  cspSpecName?: string;
  providerName?: string;
  regionName?: string;
  connectionName?: string;
  vCPU?: number;
  memoryGiB?: number;
  costPerHour?: number;
  regionLatitude?: number;
  regionLongitude?: number;
}
export type PartialFailurePolicy = 'continue' | 'rollback' | 'refine';
export interface SubGroupDynamicReq {
  name: string;
  subGroupSize: number;
  specId: string;
  imageId: string;
  connectionName?: string;
  rootDiskType?: string;
  rootDiskSize?: number;
}
export interface MciDynamicReq {
  name: string;
  description?: string;
  policyOnPartialFailure?: PartialFailurePolicy;
  subGroups: SubGroupDynamicReq[];
}
export interface ReviewInfo {
  overallStatus: 'Ready' | 'Warning' | 'Error' | string;
  overallMessage?: string;
  creationViable: boolean;
  estimatedCost?: string;
  totalVmCount?: number;
  policyDescription?: string;
  vmReviews?: Array<{
    vmName: string;
    status: string;
    message?: string;
    canCreate: boolean;
    estimatedCost?: string;
    providerName?: string;
    regionName?: string;
    errors?: string[];
    warnings?: string[];
  }>;
}
export interface RecommendSpecReq {
  filter: { policy: Array<{ metric: string; condition: Array<{ operator?: string; operand: string }> }> };
  priority: { policy: Array<{ metric: string; parameter?: Array<{ key: string; val: string[] }>; weight?: number }> };
  limit: number;
}
/** A namespace or system resource (spec, image, vNet, securityGroup, sshKey) as tumblebug lists it. */
export interface ResourceInfo {
  id: string;
  name?: string;
  connectionName?: string;
  /** specs */
  cspSpecName?: string;
  costPerHour?: number;
  /** images */
  osType?: string;
  cspImageName?: string;
  /** vNets */
  subnetInfoList?: Array<{ id: string; name?: string; ipv4_CIDR?: string }>;
}
export type ResourceKind = 'vNet' | 'securityGroup' | 'sshKey' | 'spec' | 'image';
export type McisAction = 'suspend' | 'resume' | 'reboot' | 'terminate' | 'refine';

const base = '/tumblebug';
const ns = (nsId: string) => `${base}/ns/${encodeURIComponent(nsId)}`;
const id = (value: string) => encodeURIComponent(value);

export function tumblebugApi(request: Request) {
  const resources = async (nsId: string, kind: ResourceKind, connectionName?: string) => {
    const query = connectionName ? { filterKey: 'connectionName', filterVal: connectionName } : undefined;
    const answer = await request<Record<string, ResourceInfo[] | null>>('GET', `${ns(nsId)}/resources/${kind}`, {
      query,
    });
    return Object.values(answer)[0] ?? [];
  };
  return {
    namespaces: async () => (await request<{ ns: NsInfo[] | null }>('GET', `${base}/ns`)).ns ?? [],
    createNamespace: (name: string, description: string) =>
      request<NsInfo>('POST', `${base}/ns`, { body: { name, description } }),
    deleteNamespace: (nsId: string) => request<unknown>('DELETE', ns(nsId)),
    mcisList: async (nsId: string) => (await request<{ mci: MciInfo[] | null }>('GET', `${ns(nsId)}/mci`)).mci ?? [],
    mcis: (nsId: string, mciId: string) => request<MciInfo>('GET', `${ns(nsId)}/mci/${id(mciId)}`),
    recommendSpec: (body: RecommendSpecReq) => request<SpecInfo[]>('POST', `${base}/recommendSpec`, { body }),
    review: (nsId: string, body: MciDynamicReq) =>
      request<ReviewInfo>('POST', `${ns(nsId)}/mciDynamicReview`, { body }),
    createDynamic: (nsId: string, body: MciDynamicReq) => request<MciInfo>('POST', `${ns(nsId)}/mciDynamic`, { body }),
    createStatic: (nsId: string, body: unknown) => request<MciInfo>('POST', `${ns(nsId)}/mci`, { body }),
    control: (nsId: string, mciId: string, action: McisAction) =>
      request<{ message: string }>('GET', `${ns(nsId)}/control/mci/${id(mciId)}`, { query: { action } }),
    controlVm: (nsId: string, mciId: string, vmId: string, action: McisAction) =>
      request<{ message: string }>('GET', `${ns(nsId)}/control/mci/${id(mciId)}/vm/${id(vmId)}`, { query: { action } }),
    scaleOut: (nsId: string, mciId: string, subGroupId: string, numVMsToAdd: number) =>
      request<MciInfo>('POST', `${ns(nsId)}/mci/${id(mciId)}/subgroup/${id(subGroupId)}`, { body: { numVMsToAdd } }),
    remove: (nsId: string, mciId: string) =>
      request<unknown>('DELETE', `${ns(nsId)}/mci/${id(mciId)}`, { query: { option: 'terminate' } }),
    /** Public images tumblebug fetched for a connection (they live in the `system` namespace). */
    images: (connectionName: string) => resources('system', 'image', connectionName),
    /** Specs tumblebug fetched for a connection, with their cost (the `system` namespace). */
    specs: (connectionName: string) => resources('system', 'spec', connectionName),
    /** Asks tumblebug to load a connection's specs and images (from spider) so they can be recommended. */
    fetchCatalog: async (connectionName: string) => {
      await request<unknown>('POST', `${base}/fetchSpecs`, { body: { connectionName } });
      await request<unknown>('POST', `${base}/fetchImages`, { body: { connectionName } });
    },
    /** A namespace's resources of a kind, optionally only those of one connection. */
    resources,
    /** One spec, looked up as tumblebug does: the namespace's own first, then the system catalog. */
    spec: (nsId: string, specId: string) =>
      request<ResourceInfo>('GET', `${ns(nsId)}/resources/spec/${id(specId)}`).catch((error: unknown) => {
        if ((error as { status?: number }).status !== 404) throw error;
        return request<ResourceInfo>('GET', `${ns('system')}/resources/spec/${id(specId)}`);
      }),
  };
}
export type TumblebugApi = ReturnType<typeof tumblebugApi>;
