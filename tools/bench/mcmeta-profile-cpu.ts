/*
 * Profiling aid: PostgreSQL CPU per statement and mc-meta (in-process) CPU per call for each query of the mix,
 * against a loaded catalog (PROF_DB, e.g. kept by the benchmark with BENCH_KEEP_DATABASE): PROF_REPEAT calls each,
 * on one pooled connection whose backend's CPU is read from /proc.
 */
import { createMcMetaDataSource } from '../../apps/mc-meta/src/store/data-source';
import { DEFAULT_COUNT_CAP, DEFAULT_KEYWORD_WALK } from '../../apps/mc-meta/src/config';
import { PgCatalogSearch } from '../../apps/mc-meta/src/store/search/pg-catalog-search';
import { SearchService } from '../../apps/mc-meta/src/domain/search/search-service';
import { cpuSecondsOf } from './mcmeta-bench-cpu';
import { MIX } from './mcmeta-query-mix';

async function main() {
  const ds = createMcMetaDataSource(
    `postgres://postgres@127.0.0.1:5432/${process.env.PROF_DB ?? 'mcmeta_keep'}`,
    [],
    1,
  );
  await ds.initialize();
  const search = new SearchService(
    new PgCatalogSearch(ds, {
      countCap: Number(process.env.MCMETA_COUNT_CAP ?? DEFAULT_COUNT_CAP),
      concurrency: 1,
      walkPerMatch: DEFAULT_KEYWORD_WALK,
    }),
  );
  const [{ pid }] = await ds.query(`SELECT pg_backend_pid() AS pid`);
  const repeat = Number(process.env.PROF_REPEAT ?? 200);
  console.log(`${'query'.padEnd(64)} ${'PG ms'.padStart(7)} ${'node ms'.padStart(8)}`);
  for (const { path } of MIX) {
    const [route, qs] = path.slice(1).split('?');
    const input = Object.fromEntries(new URLSearchParams(qs));
    const call = () => (search as any)[route](input).then((page: unknown) => JSON.stringify(page));
    for (let i = 0; i < 20; i++) await call();
    const database = cpuSecondsOf(pid);
    const own = process.cpuUsage();
    for (let i = 0; i < repeat; i++) await call();
    const used = process.cpuUsage(own);
    const pg = ((cpuSecondsOf(pid) - database) * 1000) / repeat;
    const node = (used.user + used.system) / 1000 / repeat;
    console.log(`${path.padEnd(64)} ${pg.toFixed(2).padStart(7)} ${node.toFixed(2).padStart(8)}`);
  }
  await ds.destroy();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
