import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One MCIR object (vNet, securityGroup, sshKey, customImage, dataDisk) in its wire shape. */
@Entity('resources')
export class ResourceEntity {
  @PrimaryColumn('text') nsId!: string;
  @PrimaryColumn('text') resourceType!: string;
  @PrimaryColumn('text') id!: string;
  @Column('text') uid!: string;
  @Column('text') connectionName!: string;
  @Column('jsonb') info!: Record<string, unknown>;
  /** sshKey only: sealed by @cb/secrets, never stored in `info`. */
  @Column('text', { nullable: true }) privateKey!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

@Entity('resource_usage')
export class ResourceUsageEntity {
  @PrimaryColumn('text') nsId!: string;
  @PrimaryColumn('text') resourceType!: string;
  @PrimaryColumn('text') resourceId!: string;
  @PrimaryColumn('text') vmRef!: string;
}
