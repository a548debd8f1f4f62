import type { KeyValue } from '@cb/driver-sdk';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Upstream's four CIM tables, same names and key columns; timestamps added for ordering and audit. */
@Entity('cloud_driver_infos')
export class CloudDriverEntity {
  @PrimaryColumn('text') driverName!: string;
  @Column('text') providerName!: string;
  @Column('text') driverLibFileName!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('credential_infos')
export class CredentialEntity {
  @PrimaryColumn('text') credentialName!: string;
  @Column('text') providerName!: string;
  /** Keys in clear, each Value sealed by @cb/secrets (`v1:<iv>:<tag>:<data>`). */
  @Column('jsonb') keyValueInfoList!: KeyValue[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('region_infos')
export class RegionEntity {
  @PrimaryColumn('text') regionName!: string;
  @Column('text') providerName!: string;
  @Column('jsonb') keyValueInfoList!: KeyValue[];
  @Column('jsonb') availableZoneList!: string[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

/** Its three references are foreign keys ON DELETE RESTRICT: the database itself refuses orphans. */
@Entity('connection_config_infos')
export class ConnectionConfigEntity {
  @PrimaryColumn('text') configName!: string;
  @Column('text') providerName!: string;
  @Column('text') driverName!: string;
  @Column('text') credentialName!: string;
  @Column('text') regionName!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

export const cimEntities = [CloudDriverEntity, CredentialEntity, RegionEntity, ConnectionConfigEntity];
