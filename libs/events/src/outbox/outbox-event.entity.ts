import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An event waiting to be published, written in the same transaction as the change it reports. */
@Entity('outbox_events')
@Index('ix_outbox_events_pending', ['createdAt'], { where: 'published_at IS NULL' })
export class OutboxEventEntity {
  /** Chosen before insert; becomes the NATS message id, so a re-publish is dropped as a duplicate. */
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'bytea' })
  payload!: Buffer;

  /** Trace context and other headers to send along. */
  @Column({ type: 'jsonb', default: {} })
  headers!: Record<string, string>;

  /** clock_timestamp(), not now(): events of one transaction keep their order. */
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  /** Back-off after a failed publish: the relay leaves the row alone until then. */
  @Column({ type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;
}
