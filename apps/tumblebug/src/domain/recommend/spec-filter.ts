import { InvalidArgumentError } from '@cb/errors';
import type { FilterPolicy } from './recommend-request';

type Spec = Record<string, unknown>;

/** SpecInfo fields a filter may name (upstream: any FilterSpecsByRangeRequest field). */
export const NUMERIC_METRICS = [
  'vCPU',
  'memoryGiB',
  'diskSizeGB',
  'costPerHour',
  'acceleratorCount',
  'acceleratorMemoryGB',
  'netBwGbps',
  'maxTotalStorageTiB',
  ...Array.from({ length: 10 }, (_, i) => `evaluationScore${String(i + 1).padStart(2, '0')}`),
];
export const STRING_METRICS = [
  'providerName',
  'regionName',
  'connectionName',
  'cspSpecName',
  'architecture',
  'acceleratorType',
  'acceleratorModel',
  'infraType',
  'osType',
  'id',
  'name',
  'description',
  'evaluationStatus',
];
const canonical = new Map([...NUMERIC_METRICS, ...STRING_METRICS].map((m) => [m.toLowerCase(), m]));

/**
 * Upstream's filter semantics: numeric metrics take `>=` (min), `<=` (max), `==` (both), `>`/`<`
 * (strict); string metrics match any of their operands (case-insensitive), the operator ignored.
 * MapUI sends `MemoryGiB`, `ProviderName`: metric names are matched case-insensitively.
 */
export function buildSpecFilter(policies: FilterPolicy[]): (spec: Spec) => boolean {
  const tests = policies.map((policy, index) => {
    const field = `filter.policy[${index}].metric`;
    const metric = canonical.get(String(policy.metric ?? '').toLowerCase());
    if (!metric) throw new InvalidArgumentError(`${field}: invalid metric '${String(policy.metric).slice(0, 40)}'`);
    if (STRING_METRICS.includes(metric)) {
      const wanted = policy.condition.map((c) => String(c.operand).toLowerCase());
      return (spec: Spec) => !wanted.length || wanted.includes(String(spec[metric] ?? '').toLowerCase());
    }
    const checks = policy.condition.map((condition, ci) => {
      const operand = Number(condition.operand);
      if (!Number.isFinite(operand)) {
        throw new InvalidArgumentError(
          `filter.policy[${index}].condition[${ci}].operand: must be a number for ${metric}`,
        );
      }
      const op = condition.operator ?? '==';
      const compare: Record<string, (v: number) => boolean> = {
        '>=': (v) => v >= operand,
        '<=': (v) => v <= operand,
        '>': (v) => v > operand,
        '<': (v) => v < operand,
        '==': (v) => v === operand,
        '=': (v) => v === operand,
      };
      const check = compare[op];
      if (!check)
        throw new InvalidArgumentError(
          `filter.policy[${index}].condition[${ci}].operator: must be one of >=, <=, >, <, ==`,
        );
      return check;
    });
    return (spec: Spec) => {
      const value = Number(spec[metric]);
      return checks.every((check) => check(Number.isFinite(value) ? value : NaN));
    };
  });
  return (spec) => tests.every((test) => test(spec));
}
