/*
 * Profiling aid: each query of the mix run in process against a loaded catalog (PROF_DB, e.g. kept by the benchmark
 * with BENCH_KEEP_DATABASE), best of PROF_REPEAT runs; PROF_EXPLAIN=1 prints EXPLAIN (ANALYZE, BUFFERS) of every
 * statement it sent; PROF_EXTRA adds space-separated paths.
 */
import { Client } from 'pg';
import { createMcMetaDataSource } from '../../apps/mc-meta/src/store/data-source';
import { PgCatalogSearch } from '../../apps/mc-meta/src/store/search/pg-catalog-search';
import { SearchService } from '../../apps/mc-meta/src/domain/search/search-service';
import { profileLimits, runPath } from './mcmeta-in-process';
import { MIX as QUERY_MIX } from './mcmeta-query-mix';

const MIX = [...QUERY_MIX.map((query) => query.path), ...(process.env.PROF_EXTRA ?? '').split(' ').filter(Boolean)];

async function main() {
  const ds = createMcMetaDataSource(`postgres://postgres@127.0.0.1:5432/${process.env.PROF_DB ?? 'mcmeta_base'}`);
  await ds.initialize();
  const search = new SearchService(new PgCatalogSearch(ds, profileLimits()));
  const statements: [string, unknown[]][] = [];
  // Searches run on clients of the pg pool (sql-client.ts), as prepared statements: recorded as each client runs them.
  const pool = (ds.driver as any).master;
  // EXPLAIN runs on a connection of its own.
  const explainer = new Client(`postgres://postgres@127.0.0.1:5432/${process.env.PROF_DB ?? 'mcmeta_base'}`);
  await explainer.connect();
  const query = (sql: string, params: unknown[]) => explainer.query(sql, params);
  const connect = pool.connect.bind(pool);
  const recording = new WeakSet<object>();
  // Connecting with a callback (TypeORM's queries) is left as it is.
  pool.connect = async (callback?: unknown) => {
    if (callback) return connect(callback);
    const client = await connect();
    if (!recording.has(client)) {
      recording.add(client);
      const run = client.query.bind(client);
      client.query = (config: { text?: string; values?: unknown[] } | string, values?: unknown[]) => {
        if (typeof config === 'object' && config.text) statements.push([config.text, config.values ?? []]);
        return run(config, values);
      };
    }
    return client;
  };
  for (const path of MIX) {
    let ms = Infinity;
    let page: Awaited<ReturnType<typeof runPath>> | undefined;
    for (let i = 0; i < Number(process.env.PROF_REPEAT ?? 1); i++) {
      statements.length = 0;
      const started = performance.now();
      page = await runPath(search, path);
      ms = Math.min(ms, performance.now() - started);
    }
    console.log(`\n##### ${path}: ${ms.toFixed(1)} ms, ${page?.items.length} items, total ${page?.total}`);
    if (process.env.PROF_EXPLAIN) {
      for (const [sql, params] of statements.filter(([s]) => /^\s*(SELECT|WITH|\()/i.test(s))) {
        const plan = await query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
        console.log(params, '\n' + plan.rows.map((r: any) => r['QUERY PLAN']).join('\n'));
      }
    }
    statements.length = 0;
  }
  await explainer.end();
  await ds.destroy();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
