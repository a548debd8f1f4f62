/**
 * At most `limit` tasks run at once per key; the rest wait in arrival order. Each key (a connection config)
 * has its own queue, so a slow cloud fills only its own slots and never delays calls to another.
 */
export class KeyedConcurrencyLimit {
  private readonly lanes = new Map<string, { running: number; waiting: (() => void)[] }>();

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`concurrency limit must be a positive integer`);
  }

  /** Waits for a slot of `key`; the returned release must be called exactly once. */
  async acquire(key: string, signal?: AbortSignal): Promise<() => void> {
    const lane = this.lanes.get(key) ?? { running: 0, waiting: [] };
    this.lanes.set(key, lane);
    if (lane.running >= this.limit) {
      await new Promise<void>((resolve, reject) => {
        const wake = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        const onAbort = () => {
          lane.waiting.splice(lane.waiting.indexOf(wake), 1);
          reject(signal!.reason);
        };
        lane.waiting.push(wake);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    }
    lane.running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      lane.running--;
      const next = lane.waiting.shift();
      if (next) next();
      else if (lane.running === 0) this.lanes.delete(key);
    };
  }

  /** Calls running and waiting for one key (for tests and diagnostics). */
  usage(key: string): { running: number; waiting: number } {
    const lane = this.lanes.get(key);
    return { running: lane?.running ?? 0, waiting: lane?.waiting.length ?? 0 };
  }
}
