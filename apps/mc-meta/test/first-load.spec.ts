import { Client } from 'pg';
import { createMcMeta } from '../src/mc-meta';
import { mockConnection, quiet, startHarness, suiteTransport, syncAndWait, testConfig, type Harness } from './harness';

/**
 * A run that starts on an empty catalog loads without the list-order index and builds it once at its end; a run
 * on a catalog that has images keeps it as it is. Either way searches end up on the same index.
 */
describe('a first load into an empty catalog', () => {
  const tokyo = mockConnection('gcp-first', 'gcp', 'asia-northeast1', { ImagesPerRegion: '800', Seed: 'first' });
  let harness: Harness;
  let sql: Client;

  /** The list-order index as the catalog has it: its definition, whether it is valid, and its identity. */
  const listOrderIndex = async () =>
    (
      await sql.query(
        `SELECT c.oid::int AS oid, i.indisvalid AS valid, pg_get_indexdef(c.oid) AS definition
         FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid WHERE c.relname = 'ix_image_order'`,
      )
    ).rows[0] as { oid: number; valid: boolean; definition: string } | undefined;

  beforeAll(async () => {
    harness = await startHarness([tokyo]);
    sql = new Client(harness.db.url);
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await harness?.close();
  });

  it('ends with the same list-order index the migrations made, built anew, and searches walk it', async () => {
    const migrated = await listOrderIndex();
    expect(migrated?.valid).toBe(true);
    expect((await syncAndWait(harness, {})).status).toBe('completed');
    const built = await listOrderIndex();
    expect(built).toMatchObject({ valid: true, definition: migrated!.definition });
    expect(built!.oid).not.toBe(migrated!.oid);

    const plan = await sql.query(
      `EXPLAIN SELECT id FROM image WHERE removed_at IS NULL AND words && '{ubuntu}' ORDER BY list_order, id LIMIT 51`,
    );
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('ix_image_order');
    const { body } = await harness.get('/images?q=ubuntu&limit=5');
    expect(body.items.length).toBe(5);
  });

  it('leaves the index alone when the catalog already has images', async () => {
    const before = await listOrderIndex();
    expect((await syncAndWait(harness, { connectionName: 'gcp-first', kinds: ['images'] })).status).toBe('completed');
    expect(await listOrderIndex()).toEqual(before);
  });

  it('is built when a process starts and no run is left to build it', async () => {
    // What a first load that died at its end leaves: no index, no run left running.
    await sql.query(`DROP INDEX ix_image_order`);
    const transport = await suiteTransport();
    const second = await createMcMeta(testConfig(harness.db.url), { events: transport, logger: quiet });
    try {
      await second.start();
      expect(await listOrderIndex()).toMatchObject({ valid: true });
    } finally {
      await second.stop();
      await transport.close();
    }
  });
});
