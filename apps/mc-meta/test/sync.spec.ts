import type { ImageInfo } from '@cb/driver-sdk';
import { Client } from 'pg';
import type { DriverConnection } from '../src/domain/source/driver-metadata-source';
import { mockConnection, setCredential, startHarness, syncAndWait, type Harness } from './harness';

/** The connection's images as the mock lists them right now, by key: the oracle of what a sync must store. */
async function listImages(connection: DriverConnection): Promise<Map<string, string>> {
  const cloud = await connection.driver.connect({
    credential: connection.credential,
    region: { Region: connection.region },
  });
  const images = new Map<string, string>();
  for await (const image of cloud.image()!.listImages() as AsyncIterable<ImageInfo>) {
    images.set(image.IId.SystemId || image.IId.NameId, JSON.stringify(image));
  }
  return images;
}

function diff(before: Map<string, string>, after: Map<string, string>) {
  const added = [...after.keys()].filter((k) => !before.has(k)).sort();
  const removed = [...before.keys()].filter((k) => !after.has(k)).sort();
  const changed = [...after.keys()].filter((k) => before.has(k) && before.get(k) !== after.get(k)).sort();
  return { added, removed, changed };
}

describe('sync of a mock connection', () => {
  const seoul = mockConnection('aws-seoul', 'aws', 'ap-northeast-2', { ImagesPerRegion: '2000', Seed: 'sync-spec' });
  const tokyo = mockConnection('gcp-tokyo', 'gcp', 'asia-northeast1', { ImagesPerRegion: '500', Seed: 'sync-spec' });
  let harness: Harness;
  let sql: Client;

  beforeAll(async () => {
    harness = await startHarness([seoul, tokyo]);
    sql = new Client(harness.db.url);
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await harness?.close();
  });

  const changesOf = async (syncId: string, change: string) =>
    (
      await sql.query(
        `SELECT i.record_key FROM record_change c JOIN sync_task t ON t.id = c.task_id JOIN image i ON i.id = c.record_id
         WHERE t.run_id = $1 AND c.kind = 'images' AND c.change = $2 AND t.connection_name = 'aws-seoul' ORDER BY 1`,
        [syncId, change],
      )
    ).rows.map((r) => r.record_key);

  /** image_count (what searches without a keyword total from) against GROUP BY over the live images. */
  async function expectImageCountsTrue() {
    const columns = 'connection_name, provider, region, os_family, os_architecture, os_platform, status';
    const kept = await sql.query(`SELECT ${columns}, n FROM image_count ORDER BY ${columns}`);
    const oracle = await sql.query(
      `SELECT ${columns}, count(*)::int AS n FROM image WHERE removed_at IS NULL GROUP BY ${columns} ORDER BY ${columns}`,
    );
    expect(oracle.rows.length).toBeGreaterThan(0);
    expect(kept.rows).toEqual(oracle.rows);
  }

  it('collects every kind of every connection on a full sync and reports the counts', async () => {
    const expected = await listImages(seoul);
    const run = await syncAndWait(harness, {});
    expect(run.status).toBe('completed');
    expect(run.tasks).toHaveLength(10);
    const seoulImages = run.tasks.find((t: any) => t.connectionName === 'aws-seoul' && t.kind === 'images');
    expect(seoulImages).toMatchObject({
      status: 'completed',
      received: expected.size,
      added: expected.size,
      removed: 0,
    });

    const stored = await sql.query(
      `SELECT record_key, doc FROM image WHERE connection_name = 'aws-seoul' AND removed_at IS NULL`,
    );
    expect(new Map(stored.rows.map((r) => [r.record_key, JSON.parse(JSON.stringify(r.doc))]))).toEqual(
      new Map([...expected].map(([k, v]) => [k, JSON.parse(v)])),
    );
    const regions = await sql.query(
      `SELECT name, latitude, zones FROM region WHERE connection_name = 'aws-seoul' AND name = 'ap-northeast-2'`,
    );
    expect(regions.rows[0].latitude).toBeCloseTo(37.56, 1);
    expect(regions.rows[0].zones.length).toBeGreaterThan(0);
    const specs = await sql.query(
      `SELECT count(*)::int AS n FROM spec WHERE connection_name = 'aws-seoul' AND vcpu > 0`,
    );
    expect(specs.rows[0].n).toBeGreaterThan(0);
    const prices = await sql.query(
      `SELECT count(*)::int AS n FROM price WHERE connection_name = 'aws-seoul' AND price > 0`,
    );
    expect(prices.rows[0].n).toBeGreaterThan(0);
    await expectImageCountsTrue();
  });

  it('applies exactly the catalog changes on the next sync and keeps vanished records with removedAt', async () => {
    const before = await listImages(seoul);
    setCredential(seoul, 'CatalogVersion', '2');
    const after = await listImages(seoul);
    const expected = diff(before, after);
    expect(expected.added.length).toBeGreaterThan(0);
    expect(expected.removed.length).toBeGreaterThan(0);
    expect(expected.changed.length).toBeGreaterThan(0);

    const run = await syncAndWait(harness, { connectionName: 'aws-seoul', kinds: ['images'] });
    expect(run.status).toBe('completed');
    expect(run.tasks).toHaveLength(1);
    expect(run.counts).toMatchObject({
      received: after.size,
      added: expected.added.length,
      changed: expected.changed.length,
      removed: expected.removed.length,
      unchanged: after.size - expected.added.length - expected.changed.length,
    });

    expect(await changesOf(run.id, 'added')).toEqual(expected.added);
    expect(await changesOf(run.id, 'changed')).toEqual(expected.changed);
    expect(await changesOf(run.id, 'removed')).toEqual(expected.removed);

    const removed = await sql.query(
      `SELECT record_key FROM image WHERE connection_name = 'aws-seoul' AND removed_at IS NOT NULL ORDER BY 1`,
    );
    expect(removed.rows.map((r) => r.record_key)).toEqual(expected.removed);
    const live = await sql.query(
      `SELECT count(*)::int AS n FROM image WHERE connection_name = 'aws-seoul' AND removed_at IS NULL`,
    );
    expect(live.rows[0].n).toBe(after.size);
    // the other connection was not part of this sync and is untouched
    const other = await sql.query(
      `SELECT count(*)::int AS n FROM image WHERE connection_name = 'gcp-tokyo' AND removed_at IS NOT NULL`,
    );
    expect(other.rows[0].n).toBe(0);
    await expectImageCountsTrue();
  });

  it('writes nothing when the catalog did not change', async () => {
    const run = await syncAndWait(harness, { connectionName: 'aws-seoul' });
    expect(run.status).toBe('completed');
    expect(run.counts).toMatchObject({ added: 0, changed: 0, removed: 0 });
    expect(run.counts.unchanged).toBe(run.counts.received);
  });

  it('brings a removed record back when it reappears', async () => {
    const v2 = await listImages(seoul);
    setCredential(seoul, 'CatalogVersion', '1');
    const v1 = await listImages(seoul);
    const back = diff(v2, v1).added;
    const run = await syncAndWait(harness, { connectionName: 'aws-seoul', kinds: ['images'] });
    expect(run.counts.removed).toBe(diff(v2, v1).removed.length);
    const restored = await sql.query(
      `SELECT count(*)::int AS n FROM image WHERE connection_name = 'aws-seoul' AND removed_at IS NULL AND record_key = ANY($1)`,
      [back],
    );
    expect(restored.rows[0].n).toBe(back.length);
    await expectImageCountsTrue();
  });

  it('answers 404 naming an unknown connection and 400 naming a bad kind', async () => {
    const unknown = await harness.post('/sync', { connectionName: 'nope' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/connectionName/);
    const badKind = await harness.post('/sync', { kinds: ['planets'] });
    expect(badKind.status).toBe(400);
    expect(badKind.body.message).toMatch(/kinds/);
    const missing = await harness.get('/sync/00000000-0000-0000-0000-000000000000');
    expect(missing.status).toBe(404);
    const malformed = await harness.get('/sync/not-an-id');
    expect(malformed.status).toBe(404);
  });
});
