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
import { SearchService } from '../../apps/mc-meta/src/domain/search/search-service';
import { createMcMetaDataSource } from '../../apps/mc-meta/src/store/data-source';
import { PgCatalogSearch } from '../../apps/mc-meta/src/store/search/pg-catalog-search';
import { cpuPerCall, median, profileLimits, runPath } from './mcmeta-in-process';
import { MIX } from './mcmeta-query-mix';

const REPEATS = 30;

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
  const limits = profileLimits();
  const versions = new Map<string, SearchService>([
    [revision, new SearchService(new older.PgCatalogSearch(ds, limits))],
    ['working tree', new SearchService(new PgCatalogSearch(ds, limits))],
  ]);
  const costs = new Map([...versions.keys()].map((name) => [name, { database: [] as number[], own: [] as number[] }]));
  for (const search of versions.values()) for (const { path } of MIX) await runPath(search, path); // warm
  for (let round = 0; round < Number(rounds); round++) {
    for (const [name, search] of versions) {
      const mix = async () => {
        for (const { path } of MIX) await runPath(search, path);
      };
      // Per request: each call runs the whole mix once.
      const { database, own } = await cpuPerCall(pid, REPEATS, mix);
      costs.get(name)!.database.push(database / MIX.length);
      costs.get(name)!.own.push(own / MIX.length);
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
