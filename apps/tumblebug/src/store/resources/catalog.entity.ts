import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A VM spec; the ranked and filtered numbers are columns, the whole SpecInfo is `info`. */
@Entity('specs')
export class SpecEntity {
  @PrimaryColumn('text') nsId!: string;
  @PrimaryColumn('text') id!: string;
  @Column('text') connectionName!: string;
  @Column('text') providerName!: string;
  @Column('text') regionName!: string;
  @Column('text') cspSpecName!: string;
  @Column('double precision') vCpu!: number;
  @Column('double precision') memoryGib!: number;
  @Column('double precision') diskSizeGb!: number;
  @Column('double precision') costPerHour!: number;
  @Column('double precision') acceleratorCount!: number;
  @Column('double precision') acceleratorMemoryGb!: number;
  @Column('double precision') evaluationScore01!: number;
  @Column('double precision', { nullable: true }) regionLatitude!: number | null;
  @Column('double precision', { nullable: true }) regionLongitude!: number | null;
  @Column('jsonb') info!: Record<string, unknown>;
}

@Entity('images')
export class ImageEntity {
  @PrimaryColumn('text') nsId!: string;
  @PrimaryColumn('text') id!: string;
  @Column('text') connectionName!: string;
  @Column('text') providerName!: string;
  @Column('text') regionName!: string;
  @Column('text') cspImageName!: string;
  @Column('jsonb') info!: Record<string, unknown>;
}
