import type { SpecImageCatalog } from '../resources/spec-image-catalog';
import { SYSTEM_NAMESPACE } from '../namespace/namespace';
import type { RecommendSpecReq, ScorePart } from './recommend-request';
import { buildSpecFilter, NUMERIC_METRICS, STRING_METRICS } from './spec-filter';
import { buildRanking, type RegionPoint } from './spec-priority';

export interface RankedSpec extends Record<string, unknown> {
  orderInFilteredResult: number;
  /** Ours: why the spec is where it is — each part of its sort key, in the order they were compared. */
  recommendation: { rank: number; scoreParts: ScorePart[] };
}

function compareParts(a: ScorePart[], b: ScorePart[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const diff = a[i]!.value - b[i]!.value;
    if (diff !== 0) return diff;
  }
  return 0;
}

/** recommendSpec: the system namespace's specs, filtered, ranked, limited and explained. */
export async function recommendSpecs(catalog: SpecImageCatalog, req: RecommendSpecReq): Promise<RankedSpec[]> {
  const accept = buildSpecFilter(req.filter?.policy ?? []);
  const specs = await catalog.list('spec', SYSTEM_NAMESPACE);
  const rank = buildRanking(req.priority?.policy ?? [], Math.random, regionPoints(specs));
  const scored = specs
    .filter(accept)
    .map((spec) => ({ spec, parts: rank(spec) }))
    .sort((a, b) => compareParts(a.parts, b.parts) || String(a.spec.id).localeCompare(String(b.spec.id)));
  const limited = req.limit && req.limit > 0 ? scored.slice(0, req.limit) : scored;
  return limited.map(({ spec, parts }, index) => ({
    ...spec,
    orderInFilteredResult: index + 1,
    recommendation: { rank: index + 1, scoreParts: parts },
  }));
}

/** The coordinates of each `provider-region` the fetched specs are in (for latency targets). */
function regionPoints(specs: Record<string, unknown>[]): RegionPoint {
  const points = new Map<string, [number, number]>();
  for (const spec of specs) {
    const { providerName, regionName, regionLatitude, regionLongitude } = spec;
    if (typeof regionLatitude !== 'number' || typeof regionLongitude !== 'number') continue;
    points.set(`${String(providerName)}-${String(regionName)}`.toLowerCase(), [regionLatitude, regionLongitude]);
  }
  return (name) => points.get(name);
}

/** recommendSpecOptions: what a request may say. */
export function recommendSpecOptions() {
  return {
    filter: {
      availableMetrics: [...NUMERIC_METRICS, ...STRING_METRICS],
      examplePolicies: [
        {
          metric: 'vCPU',
          condition: [
            { operator: '>=', operand: '2' },
            { operator: '<=', operand: '8' },
          ],
        },
        { metric: 'providerName', condition: [{ operand: 'aws' }, { operand: 'gcp' }] },
      ],
    },
    priority: {
      availableMetrics: ['cost', 'performance', 'location', 'latency', 'random'],
      examplePolicies: [
        { metric: 'location', parameter: [{ key: 'coordinateClose', val: ['37.5/126.9'] }], weight: '1.0' },
        { metric: 'cost', weight: '1.0' },
        { metric: 'latency', parameter: [{ key: 'latencyMinimal', val: ['aws-ap-northeast-2'] }] },
      ],
      parameterKeys: {
        location: ['coordinateClose', 'coordinateWithin', 'coordinateFair'],
        latency: ['latencyMinimal'],
      },
    },
    limit: ['5', '10', '20', '50'],
  };
}
