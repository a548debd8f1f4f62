/*
 * What each query of the benchmark's mix costs, one at a time over a loaded catalog (BENCH_KEEP_DATABASE of an
 * earlier run): the CPU of the PostgreSQL backend serving it and of this process (mc-meta's search code, pg's
 * parsing), per request, as medians of rounds. Serial and measured in CPU time, so it compares two versions of the
 * code far more steadily than the 8-client mix on a shared machine.
 *   npx tsx tools/bench/mcmeta-profile-cpu.ts <database> [repeats per round] [rounds] [extra paths...]
 * Extra paths (e.g. '/images?q=0b51a105d05513e65', an image id) are measured after the mix, outside its mean.
 * MCMETA_COUNT_CAP and MCMETA_KEYWORD_WALK profile other settings.
 */
import { DEFAULT_COUNT_CAP, DEFAULT_KEYWORD_WALK } from '../../apps/mc-meta/src/config';
import { SearchService } from '../../apps/mc-meta/src/domain/search/search-service';
import { createMcMetaDataSource } from '../../apps/mc-meta/src/store/data-source';
import { PgCatalogSearch } from '../../apps/mc-meta/src/store/search/pg-catalog-search';
import { cpuSecondsOf } from './mcmeta-bench-cpu';
import { MIX } from './mcmeta-query-mix';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const [database, repeats = '200', rounds = '3', ...extra] = process.argv.slice(2);
  const paths = [...MIX.map(({ path }) => path), ...extra];
  const ds = createMcMetaDataSource(`postgres://postgres@127.0.0.1:5432/${database}`, [], 1);
  await ds.initialize();
  const search = new SearchService(
    new PgCatalogSearch(ds, {
      countCap: Number(process.env.MCMETA_COUNT_CAP ?? DEFAULT_COUNT_CAP),
      concurrency: 1,
      walkPerMatch: Number(process.env.MCMETA_KEYWORD_WALK ?? DEFAULT_KEYWORD_WALK),
    }),
  );
  const [{ pid }] = await ds.query('SELECT pg_backend_pid() AS pid');
  const run = (path: string) => {
    const [route, query] = path.slice(1).split('?');
    const input = Object.fromEntries(new URLSearchParams(query));
    return (search as unknown as Record<string, (input: unknown) => Promise<unknown>>)[route](input);
  };
  const costs = new Map<string, { database: number[]; own: number[] }>(
    paths.map((path) => [path, { database: [], own: [] }]),
  );
  for (const path of paths) await run(path); // warm: plans, caches, the vocabulary
  for (let round = 0; round < Number(rounds); round++) {
    for (const path of paths) {
      const database = cpuSecondsOf(pid);
      const own = process.cpuUsage();
      for (let i = 0; i < Number(repeats); i++) await run(path);
      const used = process.cpuUsage(own);
      costs.get(path)!.database.push(((cpuSecondsOf(pid) - database) * 1000) / Number(repeats));
      costs.get(path)!.own.push((used.user + used.system) / 1000 / Number(repeats));
    }
  }
  console.log(`CPU per request, medians of ${rounds} rounds of ${repeats} (ms): PostgreSQL, this process`);
  const line = (database: number, own: number, name: string) =>
    console.log(`  ${database.toFixed(2).padStart(7)} ${own.toFixed(2).padStart(6)}  ${name}`);
  let databaseSum = 0;
  let ownSum = 0;
  for (const { path } of MIX) {
    const cost = costs.get(path)!;
    databaseSum += median(cost.database);
    ownSum += median(cost.own);
    line(median(cost.database), median(cost.own), path);
  }
  line(databaseSum / MIX.length, ownSum / MIX.length, 'mean of the mix');
  for (const path of extra) line(median(costs.get(path)!.database), median(costs.get(path)!.own), path);
  await ds.destroy();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
