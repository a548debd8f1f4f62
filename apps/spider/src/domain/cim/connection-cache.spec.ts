import { type CloudConnection, type CloudDriver, DriverRegistry } from '@cb/driver-sdk';
import mockDriver, { MOCK_DRIVER_LIB_FILE_NAME } from '@cb/driver-mock';
import { NotFoundError } from '@cb/errors';
import { type CachedConnection, ConnectionCache } from './connection-cache';
import type { ResolvedConnection } from './connection-resolver';

const config = {
  ConfigName: 'conn',
  ProviderName: 'MOCK',
  DriverName: 'drv',
  CredentialName: 'cred',
  RegionName: 'reg',
};

/** A resolver that counts its reads and answers the current credential value. */
function countingResolver(drivers: DriverRegistry) {
  const state = { reads: 0, credential: 'v1', missing: false, gate: undefined as Promise<void> | undefined };
  const resolver = {
    async resolve(name: string | undefined): Promise<ResolvedConnection> {
      state.reads++;
      const credential = [{ Key: 'MockName', Value: state.credential }];
      await state.gate;
      if (state.missing) throw new NotFoundError(`${name}: does not exist!`);
      return {
        config: { ...config, ConfigName: name! },
        driverInfo: { DriverName: 'drv', ProviderName: 'MOCK', DriverLibFileName: MOCK_DRIVER_LIB_FILE_NAME },
        driver: drivers.get(MOCK_DRIVER_LIB_FILE_NAME),
        credential,
        region: [],
        connectionInfo: { credential, region: { Region: 'default' }, connectionName: name },
      };
    },
  };
  return { state, resolver };
}

function setup() {
  const drivers = new DriverRegistry();
  drivers.register(MOCK_DRIVER_LIB_FILE_NAME, mockDriver);
  const { state, resolver } = countingResolver(drivers);
  let now = 0;
  const cache = new ConnectionCache(resolver, drivers, { ttlMs: 1_000, now: () => now });
  return { drivers, state, cache, advance: (ms: number) => (now += ms) };
}

const credentialOf = async (cache: ConnectionCache) => (await cache.resolve('conn')).credential[0].Value;

describe('ConnectionCache', () => {
  it('reads a connection once for concurrent and later calls, and again after its TTL', async () => {
    const { state, cache, advance } = setup();
    await Promise.all([cache.resolve('conn'), cache.resolve(' conn '), cache.resolve('conn')]);
    await cache.resolve('conn');
    expect(state.reads).toBe(1);
    advance(1_000);
    await cache.resolve('conn');
    expect(state.reads).toBe(2);
  });

  it('drops a connection when it or one of its parts changes, and only then', async () => {
    const { state, cache } = setup();
    expect(await credentialOf(cache)).toBe('v1');
    state.credential = 'v2';
    cache.invalidate({ kind: 'credential', name: 'other-cred' });
    cache.invalidate({ kind: 'connection', name: 'other-conn' });
    expect(await credentialOf(cache)).toBe('v1');
    cache.invalidate({ kind: 'credential', name: 'cred' });
    expect(await credentialOf(cache)).toBe('v2');
    state.credential = 'v3';
    cache.invalidate({ kind: 'connection', name: 'conn' });
    expect(await credentialOf(cache)).toBe('v3');
  });

  it('does not keep what was read before a change that happened while reading', async () => {
    const { state, cache } = setup();
    let open!: () => void;
    state.gate = new Promise((resolve) => (open = resolve));
    const racing = cache.resolve('conn'); // reads credential v1, then waits
    await Promise.resolve();
    state.credential = 'v2';
    cache.invalidate({ kind: 'credential', name: 'cred' });
    open();
    state.gate = undefined;
    expect((await racing).credential[0].Value).toBe('v1');
    expect(await credentialOf(cache)).toBe('v2');
  });

  it('never keeps a failure, and re-reads when the registry holds another driver', async () => {
    const { drivers, state, cache } = setup();
    state.missing = true;
    await expect(cache.resolve('conn')).rejects.toThrow('conn: does not exist!');
    state.missing = false;
    await cache.resolve('conn');
    expect(state.reads).toBe(2);

    const republished: CloudDriver = { manifest: mockDriver.manifest, connect: (info) => mockDriver.connect(info) };
    drivers.register(MOCK_DRIVER_LIB_FILE_NAME, republished);
    expect((await cache.resolve('conn')).driver).toBe(republished);
    expect(state.reads).toBe(3);
  });

  it('shares one live driver connection and closes it once dropped and idle', async () => {
    const { cache } = setup();
    const seen = new Set<CloudConnection>();
    const { cloud: shared } = (await cache.resolve('conn')) as CachedConnection;
    const use = <T>(work: (cloud: CloudConnection) => Promise<T>): Promise<T> => shared!.use(work);
    await Promise.all([1, 2, 3].map(() => use(async (cloud) => seen.add(cloud))));
    expect(seen.size).toBe(1);
    const [cloud] = seen;

    let finish!: () => void;
    const inFlight = use(() => new Promise<void>((resolve) => (finish = resolve)));
    cache.invalidate({ kind: 'connection', name: 'conn' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(await cloud.isConnected()).toBe(true); // a call is still using it
    finish();
    await inFlight;
    await new Promise((resolve) => setImmediate(resolve));
    expect(await cloud.isConnected()).toBe(false);
  });
});
