import { InvalidArgumentError } from '@cb/errors';
import type { PriorityPolicy, ScorePart } from './recommend-request';

type Spec = Record<string, unknown>;
/** Ranks specs on one policy: the parts it contributes to each spec's sort key, in order. */
export type Ranker = (spec: Spec) => ScorePart[];

const EARTH_RADIUS_KM = 6371;
/** Upstream groups distances into 50 km buckets, then ranks by cost within a bucket, then by distance. */
const BUCKET_KM = 50;
/** Unknown cost (≤ 0) and unknown location sort last. */
const LAST = Number.MAX_SAFE_INTEGER;

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
}

function costPart(spec: Spec): ScorePart {
  const cost = Number(spec.costPerHour);
  const known = Number.isFinite(cost) && cost > 0;
  return {
    metric: 'cost',
    value: known ? cost : LAST,
    explanation: known ? `costs ${cost} per hour` : 'cost unknown, ranked after priced specs',
  };
}

function parsePoint(text: string, field: string): [number, number] {
  const [lat, lon] = text.split('/').map((part) => Number(part.trim()));
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat!) > 90 || Math.abs(lon!) > 180) {
    throw new InvalidArgumentError(`${field}: '${text.slice(0, 40)}' is not "latitude/longitude"`);
  }
  return [lat!, lon!];
}

function distanceKm(spec: Spec, [lat, lon]: [number, number]): number | undefined {
  const sLat = spec.regionLatitude;
  const sLon = spec.regionLongitude;
  if (typeof sLat !== 'number' || typeof sLon !== 'number') return undefined;
  return haversineKm(lat, lon, sLat, sLon);
}

function locationRanker(policy: PriorityPolicy, field: string): Ranker {
  const parameter = policy.parameter?.[0];
  const key = parameter?.key ?? 'coordinateClose';
  const points = (parameter?.val ?? []).map((text, i) => parsePoint(text, `${field}.parameter[0].val[${i}]`));
  if (!points.length) throw new InvalidArgumentError(`${field}.parameter[0].val: one "latitude/longitude" is required`);
  if (!['coordinateClose', 'coordinateWithin', 'coordinateFair'].includes(key)) {
    throw new InvalidArgumentError(
      `${field}.parameter[0].key: must be coordinateClose, coordinateWithin or coordinateFair`,
    );
  }
  // Fair: distance to the centroid of all points; otherwise to the (first) point.
  const target: [number, number] =
    key === 'coordinateFair'
      ? [points.reduce((s, p) => s + p[0], 0) / points.length, points.reduce((s, p) => s + p[1], 0) / points.length]
      : points[0]!;
  return (spec) => {
    const km = distanceKm(spec, target);
    if (km === undefined) return [{ metric: 'location', value: LAST, explanation: 'region coordinates unknown' }];
    const distance = {
      metric: 'location',
      value: Math.round(km),
      explanation: `region is ${Math.round(km)} km from ${target.join('/')}`,
    };
    if (key !== 'coordinateClose') return [distance];
    const bucket = Math.floor(km / BUCKET_KM);
    return [
      {
        metric: 'location',
        value: bucket,
        explanation: `within ${(bucket + 1) * BUCKET_KM} km (50 km band ${bucket})`,
      },
      costPart(spec),
      distance,
    ];
  };
}

function performancePart(spec: Spec): ScorePart[] {
  const score = Number(spec.evaluationScore01) || 0;
  const vcpu = Number(spec.vCPU) || 0;
  return [
    { metric: 'performance', value: -score, explanation: `evaluationScore01 ${score}` },
    { metric: 'performance', value: -vcpu, explanation: `${vcpu} vCPU (tie-break)` },
  ];
}

/** Where a region is: `provider-region` (upstream's latencyMinimal values, e.g. aws-ap-northeast-2). */
export type RegionPoint = (providerRegion: string) => [number, number] | undefined;

/**
 * A round trip's least time over `km` of fibre (light at two thirds of its speed, there and back), for
 * want of a measured latency map (upstream's cloudlatencymap.csv): real routes are longer, but the order
 * of regions by it is the order by distance.
 */
export const estimatedLatencyMs = (km: number) => Math.round(km / 100);

/**
 * latency, key latencyMinimal: the sum of the estimated round trips from each target (a provider-region or
 * a "latitude/longitude") to the spec's region, lowest first; a spec whose region has no coordinates last.
 */
function latencyRanker(policy: PriorityPolicy, field: string, regionPoint: RegionPoint): Ranker {
  const parameter = policy.parameter?.[0];
  const key = parameter?.key ?? 'latencyMinimal';
  if (key !== 'latencyMinimal') throw new InvalidArgumentError(`${field}.parameter[0].key: must be latencyMinimal`);
  const values = parameter?.val ?? [];
  if (!values.length) {
    throw new InvalidArgumentError(
      `${field}.parameter[0].val: one provider-region (e.g. aws-ap-northeast-2) is required`,
    );
  }
  const targets = values.map((text, i) => {
    const point = /^-?[\d.]+\s*\/\s*-?[\d.]+$/.test(text.trim())
      ? parsePoint(text, `${field}.parameter[0].val[${i}]`)
      : regionPoint(text.trim().toLowerCase());
    if (!point) {
      throw new InvalidArgumentError(
        `${field}.parameter[0].val[${i}]: no known region '${text.slice(0, 60)}' (provider-region of a fetched spec, or latitude/longitude)`,
      );
    }
    return { name: text.trim(), point };
  });
  return (spec) => {
    const legs = targets.map(({ name, point }) => ({ name, km: distanceKm(spec, point) }));
    if (legs.some((leg) => leg.km === undefined)) {
      return [{ metric: 'latency', value: LAST, explanation: 'region coordinates unknown' }];
    }
    const ms = legs.reduce((sum, leg) => sum + estimatedLatencyMs(leg.km!), 0);
    const detail = legs.map((leg) => `${estimatedLatencyMs(leg.km!)} ms from ${leg.name} (${Math.round(leg.km!)} km)`);
    return [
      {
        metric: 'latency',
        value: ms,
        explanation: `about ${ms} ms in all: ${detail.join(', ')}; estimated from distance, no measured latency map`,
      },
    ];
  };
}

/** Builds the lexicographic ranking of upstream's ORDER BY: policies in order, cost when none is given. */
export function buildRanking(
  policies: PriorityPolicy[],
  random: () => number = Math.random,
  regionPoint: RegionPoint = () => undefined,
): Ranker {
  const rankers = (policies.length ? policies : [{ metric: 'cost' }]).map((policy, index): Ranker => {
    const field = `priority.policy[${index}]`;
    switch (String(policy.metric).toLowerCase()) {
      case 'cost':
        return (spec) => [costPart(spec)];
      case 'performance':
        return performancePart;
      case 'location':
        return locationRanker(policy, field);
      case 'latency':
        return latencyRanker(policy, field, regionPoint);
      case 'random':
        return () => [{ metric: 'random', value: random(), explanation: 'random order' }];
      default:
        throw new InvalidArgumentError(`${field}.metric: must be one of cost, performance, location, latency, random`);
    }
  });
  return (spec) => rankers.flatMap((ranker) => ranker(spec));
}
