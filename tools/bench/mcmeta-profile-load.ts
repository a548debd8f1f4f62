/*
 * Profiling aid: time per connection of 20,000-image loads through the catalog writer into a scratch database.
 *   PROF_CONNS=4 PROF_PASSES=2 [PROF_SQL='ALTER ...'] [PROF_NOCOVER=1] npx tsx tools/bench/mcmeta-profile-load.ts
 * A second pass re-syncs the same listings (nothing changes). PROF_DB names the scratch database (dropped first).
 */
import { Client } from 'pg';
import { createMockDriver } from '@cb/driver-mock';
import { runMigrations } from '@cb/db';
import { createMcMetaDataSource } from '../../apps/mc-meta/src/store/data-source';
import { eventMigrations } from '../../apps/mc-meta/src/events/sync-events';
import { PgCatalogWriter } from '../../apps/mc-meta/src/store/catalog-writer';
import { SearchIndexes1768000000000 } from '../../apps/mc-meta/src/store/migrations/1768000000000-SearchIndexes';

async function main() {
  const db = process.env.PROF_DB ?? 'mcmeta_prof';
  const conns = Number(process.env.PROF_CONNS ?? 3);
  const admin = new Client('postgres://postgres@127.0.0.1:5432/postgres');
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${db}`);
  await admin.end();
  const ds = createMcMetaDataSource(`postgres://postgres@127.0.0.1:5432/${db}`, [...eventMigrations]);
  await ds.initialize();
  await runMigrations(ds);
  for (const statement of (process.env.PROF_SQL ?? '').split(';').filter((x) => x.trim())) await ds.query(statement);
  // PROF_NOCOVER=1: the image indexes as they were before they carried the filter columns.
  if (process.env.PROF_NOCOVER) await new SearchIndexes1768000000000().down(ds.createQueryRunner());
  const [run] = await ds.query(
    `INSERT INTO sync_run (kinds, trigger, status) VALUES ('{}', 'x', 'running') RETURNING id`,
  );
  const writer = new PgCatalogWriter(ds);
  const driver = createMockDriver();
  for (let pass = 0; pass < Number(process.env.PROF_PASSES ?? 1); pass++) {
    for (let c = 0; c < conns; c++) {
      const name = `prof-${c}`;
      const cloud = await driver.connect({
        credential: [
          { Key: 'MockName', Value: name },
          { Key: 'Profile', Value: 'aws' },
          { Key: 'Seed', Value: name },
          { Key: 'ImagesPerRegion', Value: '20000' },
        ],
        region: { Region: 'us-east-1' },
        connectionName: name,
      });
      const [task] = await ds.query(
        `INSERT INTO sync_task (run_id, connection_name, kind) VALUES ($1, $2, 'images') RETURNING id`,
        [run.id, `${name}-${pass}`],
      );
      const started = performance.now();
      const counts = await writer.write(
        String(task.id),
        { name, provider: 'aws', region: 'us-east-1' },
        'images',
        cloud.image()!.listImages(),
      );
      console.log(`${name} pass ${pass}: ${(performance.now() - started).toFixed(0)} ms ${JSON.stringify(counts)}`);
    }
  }
  await ds.destroy();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
