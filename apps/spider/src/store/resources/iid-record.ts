import { Column, CreateDateColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One row of an IID table (upstream's `*_iid_infos`): the user's name for a cloud resource, the name the
 * driver was given (spider's generated spXID, or the user's name when ID transform is off) and the cloud's
 * own id. Every resource kind has its own table with these columns.
 */
export abstract class IidRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  connectionName!: string;

  /** The user's name (upstream's NameId). */
  @Column({ type: 'text' })
  nameId!: string;

  /** What the driver knows the resource as (upstream's spXID); the driver IID is {driverNameId, systemId}. */
  @Column({ type: 'text' })
  driverNameId!: string;

  /** The cloud's id (upstream's SystemId). */
  @Column({ type: 'text' })
  systemId!: string;

  /**
   * The owner's user name, '' when the kind has none: the VPC of a subnet, security group, NLB, cluster or
   * VM (upstream's owner_vpc_name), the cluster of a node group (owner_cluster_name).
   */
  @Column({ type: 'text', default: '' })
  ownerName!: string;

  /** The zone the resource lives in, '' when the cloud decided or the kind has none. */
  @Column({ type: 'text', default: '' })
  zoneId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
