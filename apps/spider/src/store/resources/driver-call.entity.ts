import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One driver call (upstream's HisCall record), kept for the call history and its statistics. */
@Entity('driver_calls')
@Index('ix_driver_calls_at', ['at'])
@Index('ix_driver_calls_connection_at', ['connectionName', 'at'])
export class DriverCallEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  /** When the call started. */
  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'text' })
  connectionName!: string;

  /** The cloud (upstream's CloudOS), e.g. MOCK, AWS. */
  @Column({ type: 'text' })
  providerName!: string;

  /** Upstream's RSType: vpc, sg, vm, ... */
  @Column({ type: 'text' })
  resourceType!: string;

  @Column({ type: 'text', default: '' })
  resourceName!: string;

  /** The driver method, e.g. startVM (upstream's CloudOSAPI). */
  @Column({ type: 'text' })
  operation!: string;

  @Column({ type: 'double precision' })
  durationMs!: number;

  /** `ok`, or the error code the call ended with (NOT_FOUND, THROTTLED, TIMEOUT, ...). */
  @Column({ type: 'text' })
  outcome!: string;

  @Column({ type: 'text', default: '' })
  errorMessage!: string;
}
