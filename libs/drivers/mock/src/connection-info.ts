import type { ConnectionInfo } from '@cb/driver-sdk';

/** A connection info from plain key/values, e.g. `{ MockName: 'm1', Profile: 'aws' }`; handy for tests and demos. */
export function mockConnectionInfo(
  keyValues: Record<string, string>,
  region = 'default',
  zone?: string,
): ConnectionInfo {
  return {
    credential: Object.entries(keyValues).map(([Key, Value]) => ({ Key, Value })),
    region: { Region: region, ...(zone ? { Zone: zone } : {}) },
  };
}
