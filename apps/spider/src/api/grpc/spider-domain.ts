import type {
  CloudPriceStream,
  DiskInfo,
  ImageInfo,
  KeyPairInfo,
  KeyValue,
  RegionZoneInfo,
  SecurityInfo,
  SecurityRuleInfo,
  VMInfo,
  VMSpecInfo,
  VMStatus,
  VMStatusInfo,
  VPCInfo,
} from '@cb/driver-sdk';
import type {
  ConnectionConfigInfo,
  DiskReq,
  KeyPairReq,
  SecurityGroupReq,
  SubnetReq,
  VmReq,
  VpcReq,
} from '@cb/spider-client';
import type { CallHistoryReader, Management } from './management-domain';
import type { Clusters, MyImages, Nlbs, Tags } from './workload-domain';

/*
 * What the gRPC API asks of spider's domain, in the domain's words: names are the user's, results are
 * upstream-shaped. It is the same domain the REST API serves; spider's wiring hands the domain services
 * over (see spider-grpc-server.ts), adapted where their method names differ.
 */

export interface ConnectionConfigs {
  listConnectionConfigs(): Promise<ConnectionConfigInfo[]>;
  getConnectionConfig(name: string): Promise<ConnectionConfigInfo>;
}

export interface PriceQuery {
  productFamily?: string;
  simple: boolean;
  filter: KeyValue[];
}

export interface Catalogs {
  listRegionZones(connectionName: string): Promise<RegionZoneInfo[]>;
  getRegionZone(connectionName: string, name: string): Promise<RegionZoneInfo>;
  /** Streams: a catalog can hold a million records; `signal` aborts when the caller goes away. */
  listImages(connectionName: string, signal: AbortSignal): AsyncIterable<ImageInfo>;
  getImage(connectionName: string, name: string): Promise<ImageInfo>;
  listSpecs(connectionName: string, signal: AbortSignal): AsyncIterable<VMSpecInfo>;
  getSpec(connectionName: string, name: string): Promise<VMSpecInfo>;
  listProductFamilies(connectionName: string, regionName: string): Promise<string[]>;
  getPriceInfo(connectionName: string, regionName: string, query: PriceQuery): Promise<CloudPriceStream>;
}

export interface Vpcs {
  create(connectionName: string, req: VpcReq): Promise<VPCInfo>;
  list(connectionName: string): Promise<VPCInfo[]>;
  get(connectionName: string, name: string): Promise<VPCInfo>;
  delete(connectionName: string, name: string, force: boolean): Promise<boolean>;
  addSubnet(connectionName: string, vpcName: string, req: SubnetReq): Promise<VPCInfo>;
  removeSubnet(connectionName: string, vpcName: string, subnetName: string, force: boolean): Promise<boolean>;
}

export interface SecurityGroups {
  create(connectionName: string, req: SecurityGroupReq): Promise<SecurityInfo>;
  /** Every group of the connection, or only those of `vpcName` when given. */
  list(connectionName: string, vpcName?: string): Promise<SecurityInfo[]>;
  get(connectionName: string, name: string): Promise<SecurityInfo>;
  delete(connectionName: string, name: string, force: boolean): Promise<boolean>;
  addRules(connectionName: string, name: string, rules: SecurityRuleInfo[]): Promise<SecurityInfo>;
  removeRules(connectionName: string, name: string, rules: SecurityRuleInfo[]): Promise<boolean>;
}

export interface KeyPairs {
  create(connectionName: string, req: KeyPairReq): Promise<KeyPairInfo>;
  list(connectionName: string): Promise<KeyPairInfo[]>;
  get(connectionName: string, name: string): Promise<KeyPairInfo>;
  delete(connectionName: string, name: string, force: boolean): Promise<boolean>;
}

export interface Vms {
  start(connectionName: string, req: VmReq): Promise<VMInfo>;
  get(connectionName: string, name: string): Promise<VMInfo>;
  list(connectionName: string): Promise<VMInfo[]> | AsyncIterable<VMInfo>;
  getStatus(connectionName: string, name: string): Promise<VMStatus>;
  listStatuses(connectionName: string): Promise<VMStatusInfo[]>;
  /** `action` as the caller sent it; the domain refuses an unknown one with upstream's text. */
  control(connectionName: string, name: string, action: string): Promise<VMStatus>;
  terminate(connectionName: string, name: string, force: boolean): Promise<VMStatus>;
}

export interface Disks {
  create(connectionName: string, req: DiskReq): Promise<DiskInfo>;
  list(connectionName: string): Promise<DiskInfo[]>;
  get(connectionName: string, name: string): Promise<DiskInfo>;
  delete(connectionName: string, name: string, force: boolean): Promise<boolean>;
  attach(connectionName: string, name: string, vmName: string): Promise<DiskInfo>;
  detach(connectionName: string, name: string, vmName: string): Promise<boolean>;
  changeSize(connectionName: string, name: string, size: string): Promise<boolean>;
}

export interface SpiderDomain {
  connections: ConnectionConfigs;
  catalogs: Catalogs;
  vpcs: Vpcs;
  securityGroups: SecurityGroups;
  keyPairs: KeyPairs;
  vms: Vms;
  disks: Disks;
  myImages: MyImages;
  nlbs: Nlbs;
  clusters: Clusters;
  tags: Tags;
  management: Management;
  callHistory: CallHistoryReader;
}
