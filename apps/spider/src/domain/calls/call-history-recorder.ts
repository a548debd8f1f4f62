import type { ServiceLogger } from '@cb/runtime';
import type { CallHistoryStore, DriverCallRecord } from '../../store/resources';

export interface CallHistoryRecorderOptions {
  /** Write at the latest this long after a call ended. */
  flushIntervalMs?: number;
  /** Write at once when this many calls are waiting. */
  batchSize?: number;
  /** Beyond this many unwritten calls (database down), the oldest are dropped rather than eating memory. */
  maxPending?: number;
}

/**
 * Records driver calls off the request path: `record` only queues; batches go to the database in the
 * background, so the history never slows a call and a failing write never fails one.
 */
export class CallHistoryRecorder {
  private pending: DriverCallRecord[] = [];
  private timer?: NodeJS.Timeout;
  private writing: Promise<void> = Promise.resolve();
  private readonly flushIntervalMs: number;
  private readonly batchSize: number;
  private readonly maxPending: number;

  constructor(
    private readonly store: CallHistoryStore,
    private readonly logger?: ServiceLogger,
    options: CallHistoryRecorderOptions = {},
  ) {
    this.flushIntervalMs = options.flushIntervalMs ?? 500;
    this.batchSize = options.batchSize ?? 200;
    this.maxPending = options.maxPending ?? 50_000;
  }

  record(call: DriverCallRecord): void {
    this.pending.push(call);
    if (this.pending.length > this.maxPending) this.pending.splice(0, this.pending.length - this.maxPending);
    if (this.pending.length >= this.batchSize) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.flushIntervalMs);
      this.timer.unref();
    }
  }

  /** Writes everything queued so far; resolves once it is in the database (or the write failed and was logged). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    this.writing = this.writing.then(async () => {
      try {
        await this.store.insertMany(batch);
      } catch (error) {
        this.logger?.warn({ err: error, dropped: batch.length }, 'driver call history: batch not written');
      }
    });
    return this.writing;
  }
}
