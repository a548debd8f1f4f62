/** Create requests of the MCIR kinds (upstream v0.12.5 field names), as the REST layer validated them. */
export interface SubnetReq {
  name: string;
  ipv4_CIDR: string;
  zone?: string;
  description?: string;
}

export interface VNetReq {
  name: string;
  connectionName: string;
  cidrBlock?: string;
  description?: string;
  subnetInfoList: SubnetReq[];
  cspResourceId?: string;
}

/** v0.11.2+ rule: `Ports` like "22,80,1000-2000". */
export interface FirewallRuleReq {
  Direction: string;
  Protocol: string;
  Ports?: string;
  CIDR?: string;
}

export interface SecurityGroupReq {
  name: string;
  connectionName: string;
  vNetId: string;
  description?: string;
  firewallRules: FirewallRuleReq[];
  cspResourceId?: string;
}

export interface SshKeyReq {
  name: string;
  connectionName: string;
  description?: string;
  username?: string;
  verifiedUsername?: string;
  publicKey?: string;
  privateKey?: string;
  fingerprint?: string;
  cspResourceId?: string;
}

export interface DataDiskReq {
  name: string;
  connectionName: string;
  diskSize: number;
  diskType?: string;
  description?: string;
  cspResourceId?: string;
}

export interface CustomImageReq {
  name: string;
  connectionName: string;
  /** The cloud's image to register (absent for a VM's snapshot). */
  cspResourceId?: string;
  sourceVmId?: string;
  description?: string;
}

export type CloudResourceReq =
  | { resourceType: 'vNet'; req: VNetReq }
  | { resourceType: 'securityGroup'; req: SecurityGroupReq }
  | { resourceType: 'sshKey'; req: SshKeyReq }
  | { resourceType: 'dataDisk'; req: DataDiskReq }
  | { resourceType: 'customImage'; req: CustomImageReq };
