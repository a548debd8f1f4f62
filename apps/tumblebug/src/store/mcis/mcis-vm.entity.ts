import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * One VM of an MCIS: its placement and resources (tumblebug ids and spider names), its status as seen
 * by the status agent, and the work still owed to spider (`pendingAction`, retried with backoff).
 */
@Entity('mcis_vms')
export class McisVmEntity {
  @PrimaryColumn('text') nsId!: string;
  @PrimaryColumn('text') mcisId!: string;
  @PrimaryColumn('text') id!: string;
  @Column('text') uid!: string;
  @Column('text') subGroupId!: string;
  /** 1-based number within the subGroup: the VM is `<subGroupId>-<index>`. */
  @Column('integer') subGroupIndex!: number;
  /** spider's NameId, derived from ns/mcis/subGroup/index so that a retry or a restart finds the same VM. */
  @Column('text') cspResourceName!: string;
  /** spider's SystemId once the VM exists there. */
  @Column('text') cspResourceId!: string;
  @Column('text') connectionName!: string;
  @Column('text') providerName!: string;
  @Column('text') regionName!: string;
  @Column('jsonb') location!: Record<string, unknown>;
  @Column('text') specId!: string;
  @Column('text') cspSpecName!: string;
  @Column('text') imageId!: string;
  @Column('text') cspImageName!: string;
  @Column('text') imageType!: string;
  /** The spec the VM was created with (VmInfo.spec); `{}` for VMs created before it was kept. */
  @Column('jsonb') specSummary!: Partial<VmSpecSummary>;
  /** The image the VM was created with (VmInfo.image); `{}` for VMs created before it was kept. */
  @Column('jsonb') imageSummary!: Partial<VmImageSummary>;
  /** tumblebug ids and spider names of the network, security and key resources. */
  @Column('jsonb') resources!: VmResourceNames;
  @Column('text') vmUserName!: string;
  @Column('text') vmUserPassword!: string;
  @Column('text') rootDiskType!: string;
  @Column('integer') rootDiskSize!: number;
  @Column('jsonb') label!: Record<string, string>;
  @Column('text') description!: string;
  @Column('text') status!: string;
  @Column('text') targetStatus!: string;
  @Column('text') targetAction!: string;
  @Column('text') nativeStatus!: string;
  @Column('text') systemMessage!: string;
  /** Create | Suspend | Resume | Reboot | Terminate still to be sent to spider, or '' */
  @Column('text') pendingAction!: string;
  @Column('integer') attempts!: number;
  @Column('timestamptz') nextAttemptAt!: Date;
  @Column('jsonb') access!: VmAccess;
  @Column('timestamptz', { nullable: true }) statusCheckedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

/** upstream's SpecSummary: VmInfo.spec. */
export interface VmSpecSummary {
  cspSpecName: string;
  vCPU: number;
  memoryGiB: number;
  costPerHour: number;
  acceleratorModel: string;
  acceleratorCount: number;
  acceleratorMemoryGB: number;
  acceleratorType: string;
}

/** upstream's ImageSummary: VmInfo.image. */
export interface VmImageSummary {
  cspImageName: string;
  osType: string;
  osArchitecture: string;
  osDistribution: string;
}

export interface VmResourceNames {
  vNetId: string;
  cspVNetName: string;
  subnetId: string;
  cspSubnetName: string;
  securityGroupIds: string[];
  cspSecurityGroupNames: string[];
  sshKeyId: string;
  cspSshKeyName: string;
  dataDiskIds: string[];
  cspDataDiskNames: string[];
}

export interface VmAccess {
  publicIP?: string;
  privateIP?: string;
  publicDNS?: string;
  privateDNS?: string;
  sshPort?: number;
  zone?: string;
  cspVNetId?: string;
  cspSubnetId?: string;
  rootDeviceName?: string;
  networkInterface?: string;
  cspSshKeyId?: string;
}
