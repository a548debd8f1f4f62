import type { CimChange } from './connection-cache';
import type { ConnectionInfoStore } from './connection-info-store';

/** The store's writes and which CIM object each one changes, from its first argument. */
const WRITES: Partial<Record<keyof ConnectionInfoStore, (arg: never) => CimChange>> = {
  saveDriver: (info: { DriverName: string }) => ({ kind: 'driver', name: info.DriverName }),
  deleteDriver: (name: string) => ({ kind: 'driver', name }),
  saveCredential: (info: { CredentialName: string }) => ({ kind: 'credential', name: info.CredentialName }),
  deleteCredential: (name: string) => ({ kind: 'credential', name }),
  saveRegion: (info: { RegionName: string }) => ({ kind: 'region', name: info.RegionName }),
  deleteRegion: (name: string) => ({ kind: 'region', name }),
  saveConnectionConfig: (info: { ConfigName: string }) => ({ kind: 'connection', name: info.ConfigName }),
  deleteConnectionConfig: (name: string) => ({ kind: 'connection', name }),
};

/**
 * The CIM store, telling `onChange` after every write, once it has committed (also after a failed write:
 * dropping a cache entry is always safe). So in this process the next driver call after a register or a
 * delete sees it; other replicas learn through the connection events and the cache TTL.
 */
export function invalidatingStore(
  store: ConnectionInfoStore,
  onChange: (change: CimChange) => void,
): ConnectionInfoStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      const changeOf = WRITES[property as keyof ConnectionInfoStore];
      if (typeof value !== 'function') return value;
      if (!changeOf) return value.bind(target);
      return async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } finally {
          onChange(changeOf(args[0] as never));
        }
      };
    },
  });
}
