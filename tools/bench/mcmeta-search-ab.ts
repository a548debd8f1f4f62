/*
 * Two versions of mc-meta's search code in one process over a loaded catalog (BENCH_KEEP_DATABASE of an earlier
 * run): the working tree's and a git revision's (extracted under .bench-ab/), round by round in turn over the
 * benchmark's mix, on one pooled connection. Prints each version's PostgreSQL CPU and own CPU per request, medians
 * of the rounds. One process and alternating rounds: the machine's drift and a process's own JIT and heap weigh on
 * both alike, which separate runs on a shared machine do not give.
 *   npx tsx tools/bench/mcmeta-search-ab.ts <database> <revision> [rounds]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_COUNT_CAP, DEFAULT_KEYWORD_WALK } from '../../apps/mc-meta/src/config';
import { SearchService } from '../../apps/mc-meta/src/domain/search/search-service';
import { createMcMetaDataSource } from '../../apps/mc-meta/src/store/data-source';
import { PgCatalogSearch } from '../../apps/mc-meta/src/store/search/pg-catalog-search';
import { cpuSecondsOf } from './mcmeta-bench-cpu';
import { MIX } from './mcmeta-query-mix';

const REPEATS = 30;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The revision's apps/mc-meta/src, extracted once inside the repository (so its packages resolve as ours do). */
function extract(revision: string): string {
  const root = join(__dirname, '..', '..');
  const commit = execFileSync('git', ['rev-parse', '--short', revision], { cwd: root, encoding: 'utf8' }).trim();
  const into = join(root, '.bench-ab', commit);
  if (!existsSync(join(into, 'apps/mc-meta/src'))) {
    mkdirSync(into, { recursive: true });
    const archive = execFileSync('git', ['archive', commit, 'apps/mc-meta/src'], { cwd: root });
    execFileSync('tar', ['-x', '-C', into], { input: archive });
  }
  return join(into, 'apps/mc-meta/src');
}

async function main(): Promise<void> {
  const [database, revision, rounds = '8'] = process.argv.slice(2);
  if (!database || !revision) throw new Error('usage: mcmeta-search-ab.ts <database> <revision> [rounds]');
  const older = await import(join(extract(revision), 'store/search/pg-catalog-search'));
  const ds = createMcMetaDataSource(`postgres://postgres@127.0.0.1:5432/${database}`, [], 1);
  await ds.initialize();
  const [{ pid }] = await ds.query('SELECT pg_backend_pid() AS pid');
  const limits = { countCap: DEFAULT_COUNT_CAP, concurrency: 1, walkPerMatch: DEFAULT_KEYWORD_WALK };
  const versions = new Map<string, SearchService>([
    [revision, new SearchService(new older.PgCatalogSearch(ds, limits))],
    ['working tree', new SearchService(new PgCatalogSearch(ds, limits))],
  ]);
  const run = (search: SearchService, path: string) => {
    const [route, query] = path.slice(1).split('?');
    const input = Object.fromEntries(new URLSearchParams(query));
    return (search as unknown as Record<string, (input: unknown) => Promise<unknown>>)[route](input);
  };
  const costs = new Map([...versions.keys()].map((name) => [name, { database: [] as number[], own: [] as number[] }]));
  for (const search of versions.values()) for (const { path } of MIX) await run(search, path); // warm
  for (let round = 0; round < Number(rounds); round++) {
    for (const [name, search] of versions) {
      const database = cpuSecondsOf(pid);
      const own = process.cpuUsage();
      for (let i = 0; i < REPEATS; i++) for (const { path } of MIX) await run(search, path);
      const used = process.cpuUsage(own);
      const requests = REPEATS * MIX.length;
      costs.get(name)!.database.push(((cpuSecondsOf(pid) - database) * 1000) / requests);
      costs.get(name)!.own.push((used.user + used.system) / 1000 / requests);
    }
  }
  console.log(`CPU per request over the mix, medians of ${rounds} rounds of ${REPEATS} (ms): PostgreSQL, this process`);
  for (const [name, cost] of costs) {
    console.log(
      `  ${median(cost.database).toFixed(2).padStart(6)} ${median(cost.own).toFixed(2).padStart(6)}  ${name}`,
    );
  }
  await ds.destroy();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
