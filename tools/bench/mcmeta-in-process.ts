/*
 * mc-meta's searches run in the profiling tool's own process, straight on the store (no HTTP), over a loaded
 * catalog: the settings they run with, a query path of the mix run as the REST route would, and CPU measured per
 * call on the database's side and this process's.
 */
import { DEFAULT_COUNT_CAP, DEFAULT_KEYWORD_WALK } from '../../apps/mc-meta/src/config';
import type { SearchService } from '../../apps/mc-meta/src/domain/search/search-service';
import type { SearchLimits, SearchPage } from '../../apps/mc-meta/src/domain/search/search-results';
import { cpuSecondsOf } from './mcmeta-bench-cpu';

/** One statement at a time; MCMETA_COUNT_CAP and MCMETA_KEYWORD_WALK profile other settings than the defaults. */
export function profileLimits(): SearchLimits {
  return {
    countCap: Number(process.env.MCMETA_COUNT_CAP ?? DEFAULT_COUNT_CAP),
    concurrency: 1,
    walkPerMatch: Number(process.env.MCMETA_KEYWORD_WALK ?? DEFAULT_KEYWORD_WALK),
  };
}

/** `/images?q=debian` → search.images({ q: 'debian' }), as the REST route calls it. */
export function runPath(search: SearchService, path: string): Promise<SearchPage<object>> {
  const [route, query] = path.slice(1).split('?');
  const input = Object.fromEntries(new URLSearchParams(query));
  return (search as unknown as Record<string, (input: unknown) => Promise<SearchPage<object>>>)[route](input);
}

/** CPU milliseconds per call of `calls` runs of `work`: the database backend `pid`'s and this process's. */
export async function cpuPerCall(
  pid: number,
  calls: number,
  work: () => Promise<unknown>,
): Promise<{ database: number; own: number }> {
  const database = cpuSecondsOf(pid);
  const own = process.cpuUsage();
  for (let i = 0; i < calls; i++) await work();
  const used = process.cpuUsage(own);
  return { database: ((cpuSecondsOf(pid) - database) * 1000) / calls, own: (used.user + used.system) / 1000 / calls };
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
