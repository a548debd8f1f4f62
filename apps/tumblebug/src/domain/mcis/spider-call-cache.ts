/**
 * Reads from spider go through here (upstream's client-side GET cache, PR #1326): one entry per call
 * (kind + arguments) kept for the TTL of its kind, one flight for identical concurrent reads, and the
 * entries of a connection stale after any write to it. A write only bumps the connection's write count
 * (a creation of 1,000 VMs writes 1,000 times); entries read before it are ignored when next asked for.
 */
export type CachedCallKind = 'vmStatusList' | 'vm' | 'vmList';

export const DEFAULT_TTL_MS: Record<CachedCallKind, number> = {
  // upstream's MediumDuration for vmstatus
  vmStatusList: 1_000,
  // upstream's AccessInfoDuration for GET /spider/vm/{name}
  vm: 60_000,
  vmList: 5_000,
};

interface Entry {
  value?: unknown;
  expiresAt: number;
  inFlight?: Promise<unknown>;
  /** The connection's write count when the read began. */
  writes: number;
}

export class SpiderCallCache {
  private readonly entries = new Map<string, Entry>();
  private readonly writes = new Map<string, number>();
  private readonly now: () => number;
  private readonly ttl: Record<CachedCallKind, number>;

  constructor(options: { ttlMs?: Partial<Record<CachedCallKind, number>>; now?: () => number } = {}) {
    this.ttl = { ...DEFAULT_TTL_MS, ...options.ttlMs };
    this.now = options.now ?? (() => Date.now());
  }

  async read<T>(kind: CachedCallKind, connection: string, args: readonly string[], load: () => Promise<T>): Promise<T> {
    const key = JSON.stringify([kind, connection, ...args]);
    const writes = this.writes.get(connection) ?? 0;
    const entry = this.entries.get(key);
    if (entry && entry.writes === writes) {
      if (entry.inFlight) return entry.inFlight as Promise<T>;
      if (entry.expiresAt > this.now()) return entry.value as T;
    }
    const flight: Entry = { expiresAt: 0, writes };
    flight.inFlight = load().then(
      (value) => {
        // A write during the flight makes the entry stale by its count: the answer may predate the write.
        if (this.entries.get(key) === flight)
          Object.assign(flight, { value, expiresAt: this.now() + this.ttl[kind], inFlight: undefined });
        return value;
      },
      (error: unknown) => {
        if (this.entries.get(key) === flight) this.entries.delete(key);
        throw error;
      },
    );
    this.entries.set(key, flight);
    return flight.inFlight as Promise<T>;
  }

  /** After a write through `connection`, nothing cached about it is trusted. */
  invalidate(connection: string): void {
    this.writes.set(connection, (this.writes.get(connection) ?? 0) + 1);
  }
}
