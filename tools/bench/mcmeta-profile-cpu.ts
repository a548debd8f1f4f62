/*
 * What each query of the benchmark's mix costs, one at a time over a loaded catalog (BENCH_KEEP_DATABASE of an
 * earlier run): the CPU of the PostgreSQL backend serving it and of this process (mc-meta's search code, pg's
 * parsing), per request, as medians of rounds. Serial and measured in CPU time, so it compares two versions of the
 * code far more steadily than the 8-client mix on a shared machine.
 *   npx tsx tools/bench/mcmeta-profile-cpu.ts <database> [repeats per round] [rounds] [extra paths...]
 * Extra paths (e.g. '/images?q=0b51a105d05513e65', an image id) are measured after the mix, outside its mean.
 * MCMETA_COUNT_CAP and MCMETA_KEYWORD_WALK profile other settings.
 */
import { SearchService } from '../../apps/mc-meta/src/domain/search/search-service';
import { createMcMetaDataSource } from '../../apps/mc-meta/src/store/data-source';
import { PgCatalogSearch } from '../../apps/mc-meta/src/store/search/pg-catalog-search';
import { cpuPerCall, median, profileLimits, runPath } from './mcmeta-in-process';
import { MIX } from './mcmeta-query-mix';

async function main(): Promise<void> {
  const [database, repeats = '200', rounds = '3', ...extra] = process.argv.slice(2);
  const paths = [...MIX.map(({ path }) => path), ...extra];
  const ds = createMcMetaDataSource(`postgres://postgres@127.0.0.1:5432/${database}`, [], 1);
  await ds.initialize();
  const search = new SearchService(new PgCatalogSearch(ds, profileLimits()));
  const [{ pid }] = await ds.query('SELECT pg_backend_pid() AS pid');
  const costs = new Map<string, { database: number[]; own: number[] }>(
    paths.map((path) => [path, { database: [], own: [] }]),
  );
  for (const path of paths) await runPath(search, path); // warm: plans, caches, the vocabulary
  for (let round = 0; round < Number(rounds); round++) {
    for (const path of paths) {
      const { database, own } = await cpuPerCall(pid, Number(repeats), () => runPath(search, path));
      costs.get(path)!.database.push(database);
      costs.get(path)!.own.push(own);
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
