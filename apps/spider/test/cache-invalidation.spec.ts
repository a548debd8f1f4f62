import { encodeEvent } from '@cb/events';
import { uniqueName } from '@cb/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { startResourceSpider, type ResourceSpider } from './resources-helpers';

/*
 * spider keeps resolved connections (config, decrypted credential, region, live driver connection) in
 * memory. These tests change what a connection is made of and check that the very next driver call
 * sees the change: through this spider's own CIM API, and (as another replica would) behind its back
 * in the database, announced by a connection event.
 */
describe('spider connection cache', () => {
  let rs: ResourceSpider;
  let db: Client;
  const regionzone = (connection: string) => rs.call('GET', `/regionzone?ConnectionName=${connection}`);
  const credential = (name: string, extra: { Key: string; Value: string }[] = []) =>
    rs.call('POST', '/credential', {
      CredentialName: name,
      ProviderName: 'MOCK',
      KeyValueInfoList: [{ Key: 'MockName', Value: uniqueName('cache') }, ...extra],
    });
  const THROTTLED = [{ Key: 'FailOps', Value: 'listRegionZone:THROTTLED' }];

  beforeAll(async () => {
    // A long TTL: whatever the next call sees is because of an invalidation, never because an entry expired.
    rs = await startResourceSpider({ SPIDER_CONNECTION_CACHE_TTL_MS: '600000' });
    db = new Client({ connectionString: rs.spider.db.url });
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
    await rs.stop();
  });

  it('a re-registered credential is used by the next call, and again when it changes back', async () => {
    await rs.connect('cred-change');
    expect((await regionzone('cred-change')).status).toBe(200);

    expect((await credential('cred-change-cred', THROTTLED)).status).toBe(200);
    const throttled = await regionzone('cred-change');
    expect(throttled.status).toBe(429);

    expect((await credential('cred-change-cred')).status).toBe(200);
    expect((await regionzone('cred-change')).status).toBe(200);
  });

  it('a re-registered region is used by the next call', async () => {
    await rs.connect('region-change');
    const before = await regionzone('region-change');
    expect(before.status).toBe(200);

    const moved = await rs.call('POST', '/region', {
      RegionName: 'region-change-region',
      ProviderName: 'MOCK',
      KeyValueInfoList: [{ Key: 'Region', Value: 'no-such-mock-region' }],
    });
    expect(moved.status).toBe(200);
    const after = await regionzone('region-change');
    expect(after.status).toBe(400);
    expect(after.body.message).toMatch(/no-such-mock-region/);
  });

  it('a connection config re-registered with another credential, then deleted, is seen by the next call', async () => {
    await rs.connect('config-change');
    expect((await regionzone('config-change')).status).toBe(200);
    expect((await credential('config-change-other', THROTTLED)).status).toBe(200);

    const reRegistered = await rs.call('POST', '/connectionconfig', {
      ConfigName: 'config-change',
      ProviderName: 'MOCK',
      DriverName: 'config-change-driver',
      CredentialName: 'config-change-other',
      RegionName: 'config-change-region',
    });
    expect(reRegistered.status).toBe(200);
    expect((await regionzone('config-change')).status).toBe(429);

    expect((await rs.call('DELETE', '/connectionconfig/config-change')).status).toBe(200);
    const gone = await regionzone('config-change');
    expect(gone.status).toBe(404);
    expect(gone.body.message).toBe('config-change: does not exist!');
  });

  it('a change made by another replica is picked up when its connection event arrives', async () => {
    await rs.connect('replica-change');
    expect((await regionzone('replica-change')).status).toBe(200);
    expect((await credential('replica-change-other', THROTTLED)).status).toBe(200);

    // Another replica re-registers the config: the row changes in the shared database, not through this process.
    await db.query(`UPDATE connection_config_infos SET credential_name = $1 WHERE config_name = $2`, [
      'replica-change-other',
      'replica-change',
    ]);
    // (Whether the cached connection still answers now depends on when the registration's own event
    // arrived; either way only an event can drop it within the TTL.)
    const subject = 'cb.spider.connection.registered';
    const data = encodeEvent(subject, {
      configName: 'replica-change',
      providerName: 'MOCK',
      driverName: 'replica-change-driver',
      credentialName: 'replica-change-other',
      regionName: 'replica-change-region',
    });
    await rs.transport.publish({ id: randomUUID(), subject, data, headers: {} });
    expect(await statusOnceChanged(() => regionzone('replica-change'), 200)).toBe(429);
  });
});

/** Calls until the answer's status differs from `from` (events arrive asynchronously); gives up after 100 tries. */
async function statusOnceChanged(call: () => Promise<{ status: number }>, from: number): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { status } = await call();
    if (status !== from) return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return from;
}
