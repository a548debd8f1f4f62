import { createHistogram, performance } from 'node:perf_hooks';

/*
 * A closed-loop load generator for the spider benchmarks: `concurrency` workers each send one request,
 * wait for its answer, and send the next, for `durationMs`. Latencies go into an HDR histogram (ns).
 */

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export async function runLoad(
  call: () => Promise<unknown>,
  concurrency: number,
  durationMs: number,
): Promise<LoadResult> {
  const histogram = createHistogram();
  let requests = 0;
  let errors = 0;
  let firstError: unknown;
  const start = performance.now();
  const end = start + durationMs;
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        await call();
        histogram.record(Math.max(1, Math.round((performance.now() - t0) * 1e6)));
        requests++;
      } catch (error) {
        errors++;
        firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - start) / 1000;
  if (errors > 0) console.error(`  ${errors} failed calls, the first: ${(firstError as Error).message}`);
  return {
    requests,
    errors,
    seconds,
    perSecond: requests / seconds,
    p50Ms: histogram.percentile(50) / 1e6,
    p99Ms: histogram.percentile(99) / 1e6,
  };
}

/** The median run by throughput, its latencies with it (so the row is one real run, not a mix). */
export function medianRun(runs: LoadResult[]): LoadResult {
  const sorted = [...runs].sort((a, b) => a.perSecond - b.perSecond);
  return sorted[Math.floor(sorted.length / 2)];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Prints rows as an aligned plain-text table. */
export function printTable(header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  for (const row of cells) console.log(row.map((cell, i) => cell.padStart(widths[i])).join('  '));
}
