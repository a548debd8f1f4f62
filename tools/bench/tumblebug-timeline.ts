import { restCall, type BenchSpider } from './spider-bench-process';

/**
 * Where a benchmark creation's time went, from spider's call history (each call's start and duration,
 * so its end is when the mock cloud answered): per region, when its first and last `startVM` reached the
 * cloud, how many calls of each operation it made and how many were throttled, and how long the region sat
 * idle (gaps between answers longer than its call spacing) while VMs were still owed.
 */
interface HistoryCall {
  At: string;
  ElapsedMs: number;
  Operation: string;
  Outcome: string;
}

export interface RegionTimeline {
  connection: string;
  firstStartS: number;
  lastStartS: number;
  operations: Record<string, { ok: number; throttled: number }>;
  /** Sum of gaps between consecutive startVM answers beyond the region's spacing (1 / rate). */
  idleS: number;
}

export async function regionTimelines(
  spider: BenchSpider,
  connections: string[],
  since: Date,
  rate: number,
): Promise<RegionTimeline[]> {
  const spacingMs = 1000 / rate;
  const regions: RegionTimeline[] = [];
  for (const connection of connections) {
    const { callhistory } = (await restCall(
      spider,
      'GET',
      `/callhistory?ConnectionName=${connection}&since=${since.toISOString()}&limit=1000`,
    )) as { callhistory: HistoryCall[] };
    const operations: RegionTimeline['operations'] = {};
    const starts: number[] = [];
    for (const call of callhistory) {
      const counts = (operations[call.Operation] ??= { ok: 0, throttled: 0 });
      if (call.Outcome === 'ok') counts.ok++;
      else if (call.Outcome === 'THROTTLED') counts.throttled++;
      const endMs = new Date(call.At).getTime() + call.ElapsedMs - since.getTime();
      if (call.Operation === 'startVM' && call.Outcome === 'ok') starts.push(endMs);
    }
    starts.sort((a, b) => a - b);
    let idleMs = 0;
    for (let i = 1; i < starts.length; i++) idleMs += Math.max(0, starts[i] - starts[i - 1] - spacingMs);
    regions.push({
      connection,
      firstStartS: (starts[0] ?? NaN) / 1000,
      lastStartS: (starts[starts.length - 1] ?? NaN) / 1000,
      operations,
      idleS: idleMs / 1000,
    });
  }
  return regions;
}

/** A few summary lines: spread of the regions' first and last creations, idle time, calls by operation. */
export function printTimeline(regions: RegionTimeline[], row: (label: string, value: string) => void) {
  const spread = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `min ${sorted[0].toFixed(2)} s, median ${sorted[Math.floor(sorted.length / 2)].toFixed(2)} s, max ${sorted[sorted.length - 1].toFixed(2)} s`;
  };
  row('first startVM answered (per region)', spread(regions.map((r) => r.firstStartS)));
  row('last startVM answered (per region)', spread(regions.map((r) => r.lastStartS)));
  row('region idle between creations', spread(regions.map((r) => r.idleS)));
  const totals: Record<string, { ok: number; throttled: number }> = {};
  for (const region of regions) {
    for (const [operation, counts] of Object.entries(region.operations)) {
      const total = (totals[operation] ??= { ok: 0, throttled: 0 });
      total.ok += counts.ok;
      total.throttled += counts.throttled;
    }
  }
  row(
    'driver calls by operation (ok/throttled)',
    Object.entries(totals)
      .map(([operation, { ok, throttled }]) => `${operation} ${ok}/${throttled}`)
      .join(', '),
  );
}
