import { Column, Entity, Index } from 'typeorm';
import { IidRecord } from './iid-record';

// One table per kind, as upstream; names kept from upstream's meta DB so its operators recognise them.

@Entity('vpc_iid_infos')
@Index('uq_vpc_iid_name', ['connectionName', 'nameId'], { unique: true })
export class VpcIidEntity extends IidRecord {}

/** A subnet's name is unique within its VPC. */
@Entity('subnet_iid_infos')
@Index('uq_subnet_iid_name', ['connectionName', 'ownerName', 'nameId'], { unique: true })
export class SubnetIidEntity extends IidRecord {}

@Entity('sg_iid_infos')
@Index('uq_sg_iid_name', ['connectionName', 'nameId'], { unique: true })
export class SecurityGroupIidEntity extends IidRecord {}

@Entity('key_iid_infos')
@Index('uq_key_iid_name', ['connectionName', 'nameId'], { unique: true })
export class KeyPairIidEntity extends IidRecord {}

@Entity('vm_iid_infos')
@Index('uq_vm_iid_name', ['connectionName', 'nameId'], { unique: true })
export class VmIidEntity extends IidRecord {
  /** The last status spider saw, so a change can be announced (cb.spider.vm.status_changed). */
  @Column({ type: 'text', default: '' })
  status!: string;
}

@Entity('disk_iid_infos')
@Index('uq_disk_iid_name', ['connectionName', 'nameId'], { unique: true })
export class DiskIidEntity extends IidRecord {}

@Entity('my_image_iid_infos')
@Index('uq_my_image_iid_name', ['connectionName', 'nameId'], { unique: true })
export class MyImageIidEntity extends IidRecord {}

@Entity('nlb_iid_infos')
@Index('uq_nlb_iid_name', ['connectionName', 'nameId'], { unique: true })
export class NlbIidEntity extends IidRecord {}

@Entity('cluster_iid_infos')
@Index('uq_cluster_iid_name', ['connectionName', 'nameId'], { unique: true })
export class ClusterIidEntity extends IidRecord {}

/** A node group's name is unique within its cluster. */
@Entity('node_group_iid_infos')
@Index('uq_node_group_iid_name', ['connectionName', 'ownerName', 'nameId'], { unique: true })
export class NodeGroupIidEntity extends IidRecord {}

/** Every IID table by upstream's resource kind name. */
export const IID_ENTITIES = {
  vpc: VpcIidEntity,
  subnet: SubnetIidEntity,
  sg: SecurityGroupIidEntity,
  keypair: KeyPairIidEntity,
  vm: VmIidEntity,
  disk: DiskIidEntity,
  myimage: MyImageIidEntity,
  nlb: NlbIidEntity,
  cluster: ClusterIidEntity,
  nodegroup: NodeGroupIidEntity,
} as const;

export type IidKind = keyof typeof IID_ENTITIES;
