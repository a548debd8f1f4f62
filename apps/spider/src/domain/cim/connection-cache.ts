import type { DriverRegistry } from '@cb/driver-sdk';
import type { ResolvedConnection } from './connection-resolver';
import { SharedCloudConnection } from './shared-cloud-connection';

/** What turns a ConnectionName into everything a driver call needs (ConnectionResolver, or this cache over it). */
export interface ConnectionResolving {
  resolve(connectionName: string | undefined): Promise<ResolvedConnection>;
}

/** A resolved connection as the cache hands it out: with its one shared live driver connection. */
export type CachedConnection = ResolvedConnection & { cloud?: SharedCloudConnection };

/** A CIM object that was written or deleted: every cached connection built from it is dropped. */
export interface CimChange {
  kind: 'connection' | 'driver' | 'credential' | 'region';
  name: string;
}

export interface ConnectionCacheOptions {
  /**
   * Longest time an entry is served without reading the CIM again. Writes through this process and
   * connection events drop entries at once; the TTL bounds what no event announces (a credential, region
   * or driver re-registered through another replica).
   */
  ttlMs: number;
  now?: () => number;
}

interface Entry {
  resolved: Promise<CachedConnection>;
  expiresAt: number;
  /** Set once resolved, for invalidation by part and for retiring the live connection. */
  value?: CachedConnection;
}

/**
 * Resolved connections (config, driver, decrypted credential, region, live driver connection) kept in
 * memory, so a driver call costs no CIM reads and no connect. Concurrent misses share one resolve; a
 * failed resolve (unknown name, missing part) is never kept. A write or an event drops the entries it
 * concerns, and a resolve that raced with the drop is not stored (the generation check), so the next
 * call after a change always sees it.
 */
export class ConnectionCache implements ConnectionResolving {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private readonly now: () => number;

  constructor(
    private readonly resolver: ConnectionResolving,
    private readonly drivers: DriverRegistry,
    private readonly options: ConnectionCacheOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
  }

  resolve(connectionName: string | undefined): Promise<ResolvedConnection> {
    const name = connectionName?.trim() ?? '';
    if (!name || this.options.ttlMs <= 0) return this.resolver.resolve(connectionName);
    const entry = this.entries.get(name);
    if (entry && this.fresh(entry)) return entry.resolved;
    if (entry) this.drop(name);
    return this.load(name);
  }

  /** Drops what a CIM write or a connection event concerns. */
  invalidate(change: CimChange): void {
    this.generation++;
    for (const [name, entry] of this.entries) {
      if (change.kind === 'connection' ? name === change.name : usesPart(entry.value, change)) this.drop(name);
      // An entry still resolving may have read the old part: drop it too (its callers still get their answer).
      else if (!entry.value) this.entries.delete(name);
    }
  }

  /** Drops every entry and closes their live connections (on stop). */
  clear(): void {
    this.generation++;
    for (const name of [...this.entries.keys()]) this.drop(name);
  }

  private load(name: string): Promise<CachedConnection> {
    const generation = this.generation;
    const entry = { expiresAt: Infinity } as Entry;
    entry.resolved = this.resolver.resolve(name).then(
      (resolved) => {
        const value: CachedConnection = {
          ...resolved,
          cloud: new SharedCloudConnection(resolved.driver, resolved.connectionInfo),
        };
        if (generation === this.generation && this.entries.get(name) === entry) {
          entry.value = value;
          entry.expiresAt = this.now() + this.options.ttlMs;
        } else {
          // Changed while we read it: serve this caller, keep nothing, hold no connection open.
          value.cloud!.retire();
          if (this.entries.get(name) === entry) this.entries.delete(name);
        }
        return value;
      },
      (error: unknown) => {
        if (this.entries.get(name) === entry) this.entries.delete(name);
        throw error;
      },
    );
    this.entries.set(name, entry);
    return entry.resolved;
  }

  /** Within its TTL, and its driver still the one registered (a re-published driver replaces it). */
  private fresh(entry: Entry): boolean {
    if (!entry.value) return true;
    if (this.now() >= entry.expiresAt) return false;
    const file = entry.value.driverInfo.DriverLibFileName;
    return this.drivers.has(file) && this.drivers.get(file) === entry.value.driver;
  }

  private drop(name: string): void {
    const entry = this.entries.get(name);
    this.entries.delete(name);
    entry?.value?.cloud?.retire();
  }
}

function usesPart(value: CachedConnection | undefined, change: CimChange): boolean {
  if (!value) return false;
  const { config } = value;
  if (change.kind === 'driver') return config.DriverName === change.name;
  if (change.kind === 'credential') return config.CredentialName === change.name;
  if (change.kind === 'region') return config.RegionName === change.name;
  return config.ConfigName === change.name;
}
