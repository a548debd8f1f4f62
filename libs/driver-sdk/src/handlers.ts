import type {
  CloudPriceStream,
  ClusterInfo,
  ClusterReqInfo,
  DiskInfo,
  DiskReqInfo,
  HealthCheckerInfo,
  HealthInfo,
  IID,
  ImageInfo,
  KeyPairInfo,
  KeyPairReqInfo,
  KeyValue,
  ListenerInfo,
  MyImageInfo,
  MyImageReqInfo,
  NLBInfo,
  NLBReqInfo,
  NodeGroupInfo,
  NodeGroupReqInfo,
  RegionZoneInfo,
  ResourceType,
  SecurityInfo,
  SecurityReqInfo,
  SecurityRuleInfo,
  SubnetInfo,
  TagInfo,
  VMGroupInfo,
  VMInfo,
  VMReqInfo,
  VMSpecInfo,
  VMStatus,
  VMStatusInfo,
  VPCInfo,
  VPCReqInfo,
} from './resources';

/*
 * One interface per resource kind, mirroring upstream's Go handler set. Every method may reject with a
 * DriverError. Catalog lists that can hold millions of records are AsyncIterables so callers stream them;
 * lists of things a user created stay arrays.
 */

export interface RegionZoneHandler {
  listRegionZone(): Promise<RegionZoneInfo[]>;
  getRegionZone(regionName: string): Promise<RegionZoneInfo>;
  /** The cloud's raw answer, as JSON text (upstream's ListOrgRegion). */
  listOrgRegion(): Promise<string>;
  listOrgZone(): Promise<string>;
}

export interface ImageHandler {
  listImages(): AsyncIterable<ImageInfo>;
  getImage(imageIID: IID): Promise<ImageInfo>;
  checkWindowsImage(imageIID: IID): Promise<boolean>;
}

export interface VMSpecHandler {
  listVMSpecs(): AsyncIterable<VMSpecInfo>;
  getVMSpec(name: string): Promise<VMSpecInfo>;
  listOrgVMSpec(): Promise<string>;
  getOrgVMSpec(name: string): Promise<string>;
}

export interface PriceHandler {
  listProductFamily(regionName: string): Promise<string[]>;
  getPriceInfo(productFamily: string, regionName: string, filter?: KeyValue[]): Promise<CloudPriceStream>;
}

export interface VPCHandler {
  createVPC(req: VPCReqInfo): Promise<VPCInfo>;
  listVPC(): Promise<VPCInfo[]>;
  getVPC(vpcIID: IID): Promise<VPCInfo>;
  deleteVPC(vpcIID: IID): Promise<boolean>;
  addSubnet(vpcIID: IID, subnet: SubnetInfo): Promise<VPCInfo>;
  removeSubnet(vpcIID: IID, subnetIID: IID): Promise<boolean>;
  listIID(): Promise<IID[]>;
}

export interface SecurityHandler {
  createSecurity(req: SecurityReqInfo): Promise<SecurityInfo>;
  listSecurity(): Promise<SecurityInfo[]>;
  getSecurity(securityIID: IID): Promise<SecurityInfo>;
  deleteSecurity(securityIID: IID): Promise<boolean>;
  addRules(securityIID: IID, rules: SecurityRuleInfo[]): Promise<SecurityInfo>;
  removeRules(securityIID: IID, rules: SecurityRuleInfo[]): Promise<boolean>;
  listIID(): Promise<IID[]>;
}

export interface KeyPairHandler {
  /** The only answer that carries the private key. */
  createKey(req: KeyPairReqInfo): Promise<KeyPairInfo>;
  listKey(): Promise<KeyPairInfo[]>;
  getKey(keyIID: IID): Promise<KeyPairInfo>;
  deleteKey(keyIID: IID): Promise<boolean>;
  listIID(): Promise<IID[]>;
}

/**
 * What startVM answers. A cloud whose create call already says the VM's status puts it in `VmStatus`,
 * sparing the runtime a status call (which clouds rate-limit like any other); the runtime asks when absent.
 */
export type StartedVMInfo = VMInfo & { VmStatus?: VMStatus };

export interface VMHandler {
  startVM(req: VMReqInfo): Promise<StartedVMInfo>;
  /** Control calls answer the transitional status (Suspending, Resuming, Rebooting, Terminating). */
  suspendVM(vmIID: IID): Promise<VMStatus>;
  resumeVM(vmIID: IID): Promise<VMStatus>;
  rebootVM(vmIID: IID): Promise<VMStatus>;
  terminateVM(vmIID: IID): Promise<VMStatus>;
  listVMStatus(): Promise<VMStatusInfo[]>;
  getVMStatus(vmIID: IID): Promise<VMStatus>;
  listVM(): Promise<VMInfo[]>;
  getVM(vmIID: IID): Promise<VMInfo>;
  listIID(): Promise<IID[]>;
}

export interface DiskHandler {
  createDisk(req: DiskReqInfo): Promise<DiskInfo>;
  listDisk(): Promise<DiskInfo[]>;
  getDisk(diskIID: IID): Promise<DiskInfo>;
  changeDiskSize(diskIID: IID, size: string): Promise<boolean>;
  deleteDisk(diskIID: IID): Promise<boolean>;
  attachDisk(diskIID: IID, vmIID: IID): Promise<DiskInfo>;
  detachDisk(diskIID: IID, vmIID: IID): Promise<boolean>;
  listIID(): Promise<IID[]>;
}

export interface MyImageHandler {
  snapshotVM(req: MyImageReqInfo): Promise<MyImageInfo>;
  listMyImage(): Promise<MyImageInfo[]>;
  getMyImage(myImageIID: IID): Promise<MyImageInfo>;
  checkWindowsImage(myImageIID: IID): Promise<boolean>;
  deleteMyImage(myImageIID: IID): Promise<boolean>;
  listIID(): Promise<IID[]>;
}

export interface NLBHandler {
  createNLB(req: NLBReqInfo): Promise<NLBInfo>;
  listNLB(): Promise<NLBInfo[]>;
  getNLB(nlbIID: IID): Promise<NLBInfo>;
  deleteNLB(nlbIID: IID): Promise<boolean>;
  addVMs(nlbIID: IID, vmIIDs: IID[]): Promise<VMGroupInfo>;
  removeVMs(nlbIID: IID, vmIIDs: IID[]): Promise<boolean>;
  getVMGroupHealthInfo(nlbIID: IID): Promise<HealthInfo>;
  changeListener(nlbIID: IID, listener: ListenerInfo): Promise<ListenerInfo>;
  changeVMGroupInfo(nlbIID: IID, vmGroup: VMGroupInfo): Promise<VMGroupInfo>;
  changeHealthCheckerInfo(nlbIID: IID, healthChecker: HealthCheckerInfo): Promise<HealthCheckerInfo>;
  listIID(): Promise<IID[]>;
}

export interface ClusterHandler {
  createCluster(req: ClusterReqInfo): Promise<ClusterInfo>;
  listCluster(): Promise<ClusterInfo[]>;
  getCluster(clusterIID: IID): Promise<ClusterInfo>;
  deleteCluster(clusterIID: IID): Promise<boolean>;
  addNodeGroup(clusterIID: IID, req: NodeGroupReqInfo): Promise<NodeGroupInfo>;
  setNodeGroupAutoScaling(clusterIID: IID, nodeGroupIID: IID, on: boolean): Promise<boolean>;
  changeNodeGroupScaling(
    clusterIID: IID,
    nodeGroupIID: IID,
    desired: number,
    min: number,
    max: number,
  ): Promise<NodeGroupInfo>;
  removeNodeGroup(clusterIID: IID, nodeGroupIID: IID): Promise<boolean>;
  upgradeCluster(clusterIID: IID, version: string): Promise<ClusterInfo>;
  /**
   * A short-lived bearer token for the cluster's API server (upstream's GenerateClusterToken, served as a
   * kubectl ExecCredential). Optional: a driver without it cannot hand out tokens, and the runtime says so.
   */
  generateClusterToken?(clusterIID: IID): Promise<string>;
  listIID(): Promise<IID[]>;
}

export interface TagHandler {
  addTag(resType: ResourceType, resIID: IID, tag: KeyValue): Promise<KeyValue>;
  listTag(resType: ResourceType, resIID: IID): Promise<KeyValue[]>;
  getTag(resType: ResourceType, resIID: IID, key: string): Promise<KeyValue>;
  removeTag(resType: ResourceType, resIID: IID, key: string): Promise<boolean>;
  /** Resources of a type whose tag key or value contains the keyword. */
  findTag(resType: ResourceType, keyword: string): Promise<TagInfo[]>;
}
