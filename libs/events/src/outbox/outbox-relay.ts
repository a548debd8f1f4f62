import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { consoleLogger, type EventTransport, type EventsLogger } from '../transport';
import { OUTBOX_CHANNEL } from './enqueue-event';

export interface OutboxRelayOptions {
  /** Rows taken per transaction (default 100). */
  batchSize?: number;
  /** Look for work this often even without a NOTIFY, e.g. after a failed publish (default 1000 ms). */
  pollIntervalMs?: number;
  /** First back-off after a failed publish; doubles per attempt up to maxRetryDelayMs (defaults 500 / 30 000). */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /** Keep published rows this long for inspection; 0 deletes them on publish (default 24 h). */
  keepPublishedMs?: number;
  logger?: EventsLogger;
}

interface PendingRow {
  id: string;
  subject: string;
  payload: Buffer;
  headers: Record<string, string>;
  attempts: number;
}

/**
 * Publishes committed outbox rows in order and marks them published after the transport has
 * stored them. A crash between publish and mark publishes again on restart; the transport drops
 * the duplicate by event id. Several relays (replicas) share the work via FOR UPDATE SKIP LOCKED.
 */
export class OutboxRelay {
  private readonly settings: Required<Omit<OutboxRelayOptions, 'logger'>>;
  private readonly logger: EventsLogger;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  /** A commit's notification came while a pass ran (nothing was waiting to be woken): pass again at once. */
  private notified = false;
  private listener?: PoolClient;
  private flushing?: Promise<number>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: EventTransport,
    options: OutboxRelayOptions = {},
  ) {
    this.settings = {
      batchSize: options.batchSize ?? 100,
      pollIntervalMs: options.pollIntervalMs ?? 1000,
      retryDelayMs: options.retryDelayMs ?? 500,
      maxRetryDelayMs: options.maxRetryDelayMs ?? 30_000,
      keepPublishedMs: options.keepPublishedMs ?? 24 * 3600_000,
    };
    this.logger = options.logger ?? consoleLogger;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.listen();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    if (this.listener) {
      const listener = this.listener;
      this.listener = undefined;
      await listener.query(`UNLISTEN ${OUTBOX_CHANNEL}`).catch(() => undefined);
      listener.release();
    }
  }

  /** Publishes everything due now; returns how many events went out. Calls never overlap. */
  flush(): Promise<number> {
    this.flushing ??= this.publishDue().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async run(): Promise<void> {
    while (this.running) {
      if (!this.listener) await this.listen().catch(() => undefined);
      await this.flush().catch((err: unknown) => this.logger.error({ err }, 'outbox relay pass failed'));
      await this.removeOldPublished().catch((err: unknown) => this.logger.warn({ err }, 'outbox cleanup failed'));
      if (!this.running) break;
      if (this.notified) {
        this.notified = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.settings.pollIntervalMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  /** LISTEN on a connection of its own, so a commit wakes the relay at once instead of at the next poll. */
  private async listen(): Promise<void> {
    const pool = (this.dataSource.driver as unknown as { master: { connect(): Promise<PoolClient> } }).master;
    const listener = await pool.connect();
    this.listener = listener;
    listener.on('notification', () => {
      if (this.wake) this.wake();
      else this.notified = true;
    });
    // A checked-out client without an error listener would crash the process when the database goes
    // away (a restart, or a shutdown racing ours): drop it, keep polling, and LISTEN again later.
    listener.on('error', (err) => {
      if (this.listener !== listener) return;
      this.listener = undefined;
      listener.release(err);
      this.logger.warn({ err }, 'outbox relay lost its LISTEN connection; polling until it is back');
    });
    await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
  }

  private async publishDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const { published, full } = await this.publishBatch();
      total += published;
      if (!full) return total;
    }
  }

  /**
   * One transaction: lock the oldest due rows, publish them in order, and mark those the stream stored in one
   * statement (a failed publish stops the batch there: events leave in the order they were committed).
   */
  private publishBatch(): Promise<{ published: number; full: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const rows: PendingRow[] = await manager.query(
        `SELECT id, subject, payload, headers, attempts FROM outbox_events
          WHERE published_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= now())
          ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.settings.batchSize],
      );
      const stored: string[] = [];
      let failed = false;
      for (const row of rows) {
        try {
          await this.transport.publish({ id: row.id, subject: row.subject, data: row.payload, headers: row.headers });
          stored.push(row.id);
        } catch (err) {
          const delay = Math.min(this.settings.maxRetryDelayMs, this.settings.retryDelayMs * 2 ** row.attempts);
          await manager.query(
            `UPDATE outbox_events SET attempts = attempts + 1, last_error = $2,
               next_attempt_at = now() + make_interval(secs => $3) WHERE id = $1`,
            [row.id, err instanceof Error ? err.message : String(err), delay / 1000],
          );
          this.logger.warn(
            { id: row.id, subject: row.subject, attempts: row.attempts + 1, err },
            'event publish failed',
          );
          failed = true;
          break;
        }
      }
      if (stored.length && this.settings.keepPublishedMs === 0) {
        await manager.query('DELETE FROM outbox_events WHERE id = ANY($1::uuid[])', [stored]);
      } else if (stored.length) {
        await manager.query('UPDATE outbox_events SET published_at = now() WHERE id = ANY($1::uuid[])', [stored]);
      }
      return { published: stored.length, full: !failed && rows.length === this.settings.batchSize };
    });
  }

  private async removeOldPublished(): Promise<void> {
    if (this.settings.keepPublishedMs === 0) return;
    await this.dataSource.query(`DELETE FROM outbox_events WHERE published_at < now() - make_interval(secs => $1)`, [
      this.settings.keepPublishedMs / 1000,
    ]);
  }
}
