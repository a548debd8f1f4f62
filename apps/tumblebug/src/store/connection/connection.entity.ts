import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A connection config registered in spider, with the cloud region it points at (kept fresh by spider's events). */
@Entity('connections')
export class ConnectionEntity {
  @PrimaryColumn('text') configName!: string;
  @Column('text') providerName!: string;
  @Column('text') driverName!: string;
  @Column('text') credentialName!: string;
  /** spider's region config name (not the cloud's region). */
  @Column('text') regionZoneInfoName!: string;
  /** The cloud's region id, e.g. ap-northeast-2. */
  @Column('text') regionId!: string;
  @Column('text') regionDisplay!: string;
  @Column('jsonb') zones!: string[];
  @Column('double precision', { nullable: true }) latitude!: number | null;
  @Column('double precision', { nullable: true }) longitude!: number | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
