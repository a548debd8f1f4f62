import type { VMInfo, VMStatus, VMStatusInfo } from '@cb/driver-sdk';
import type { VmAction, VmReq } from '@cb/spider-client';

/** The VM calls MCIS makes to spider (SpiderClient over gRPC fits). */
export interface SpiderVms {
  startVm(connectionName: string, req: VmReq): Promise<VMInfo>;
  getVm(connectionName: string, name: string): Promise<VMInfo>;
  listVmStatuses(connectionName: string): Promise<VMStatusInfo[]>;
  controlVm(connectionName: string, name: string, action: VmAction): Promise<VMStatus>;
  terminateVm(connectionName: string, name: string, options?: { force?: boolean }): Promise<VMStatus>;
}

export interface PlacedConnection {
  configName: string;
  providerName: string;
  regionId: string;
  regionDisplay: string;
  latitude: number | null;
  longitude: number | null;
}

export interface SpecRef {
  id: string;
  connectionName: string;
  cspSpecName: string;
  providerName: string;
  regionName: string;
  costPerHour: number;
  info: Record<string, unknown>;
}

export interface ImageRef {
  id: string;
  cspImageName: string;
  info: Record<string, unknown>;
  /** MyImage for a namespace's customImage. */
  imageType: 'PublicImage' | 'MyImage';
}

/** A namespace MCIR object (vNet, subnet, securityGroup, sshKey, dataDisk) and its name in spider. */
export interface NamedResource {
  id: string;
  connectionName: string;
  cspResourceName: string;
}

export interface SharedResources {
  vNetId: string;
  subnetId: string;
  securityGroupId: string;
  sshKeyId: string;
}

/**
 * What MCIS needs from the rest of tumblebug (namespaces, connections, MCIR). Lookups answer
 * undefined for what does not exist; MCIS words the 4xx itself.
 */
export interface McisResources {
  namespaceExists(nsId: string): Promise<boolean>;
  connection(configName: string): Promise<PlacedConnection | undefined>;
  /** A spec of the namespace, else of `system`. */
  spec(nsId: string, specId: string): Promise<SpecRef | undefined>;
  /** An image of the namespace or `system`, a customImage, or a CSP image name of the connection. */
  image(nsId: string, imageId: string, connectionName: string): Promise<ImageRef | undefined>;
  vNet(nsId: string, vNetId: string): Promise<NamedResource | undefined>;
  subnet(nsId: string, vNetId: string, subnetId: string): Promise<NamedResource | undefined>;
  securityGroup(nsId: string, id: string): Promise<NamedResource | undefined>;
  sshKey(nsId: string, id: string): Promise<NamedResource | undefined>;
  dataDisk(nsId: string, id: string): Promise<NamedResource | undefined>;
  /**
   * The `{nsId}-shared-{connectionName}` vNet/subnet, security group and key of a dynamic MCIS,
   * created on first use; concurrent callers get the same ones.
   */
  ensureShared(nsId: string, connectionName: string): Promise<SharedResources>;
}
