import { DriverError, keyValueOf, type KeyValue } from '@cb/driver-sdk';

export const PROFILE_NAMES = ['upstream', 'aws', 'gcp', 'azure'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

export const MAX_IMAGES_PER_REGION = 1_000_000;

/** A failure forced on named operations, e.g. `FailOps=startVM,createVPC:QUOTA_EXCEEDED`. */
export interface ForcedFailure {
  operation: string;
  kind: 'TRANSIENT' | 'QUOTA_EXCEEDED' | 'THROTTLED' | 'INVALID_ARGUMENT' | 'UNSUPPORTED';
}

/** Everything the mock reads from the credential's key/values (upstream reads only MockName). */
export interface MockConfig {
  mockName: string;
  profile: ProfileName;
  seed: string;
  /** undefined = the profile's default size. */
  imagesPerRegion?: number;
  specsPerRegion?: number;
  catalogVersion: number;
  latencyMs: number;
  rateLimitPerSec?: number;
  failureRate: number;
  vmBootMs: number;
  vmStuckRate: number;
  failOps: ForcedFailure[];
}

const FORCEABLE = new Set<ForcedFailure['kind']>([
  'TRANSIENT',
  'QUOTA_EXCEEDED',
  'THROTTLED',
  'INVALID_ARGUMENT',
  'UNSUPPORTED',
]);

/** Names the key, never its value: credential values stay out of every answer and log line. */
function invalid(key: string, why: string): DriverError {
  return new DriverError('INVALID_ARGUMENT', `mock credential key ${key} is invalid: ${why}`);
}

function numberOf(list: KeyValue[], key: string, check: (n: number) => string | undefined): number | undefined {
  const raw = keyValueOf(list, key);
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  const problem = Number.isFinite(value) ? check(value) : 'not a number';
  if (problem) throw invalid(key, problem);
  return value;
}

const integerIn = (min: number, max: number) => (n: number) =>
  Number.isInteger(n) && n >= min && n <= max ? undefined : `must be an integer from ${min} to ${max}`;
const fraction = (n: number) => (n >= 0 && n <= 1 ? undefined : 'must be between 0 and 1');

function parseFailOps(raw: string | undefined): ForcedFailure[] {
  if (!raw?.trim()) return [];
  return raw.split(',').map((entry, index) => {
    const [operation, kind = 'TRANSIENT'] = entry.trim().split(':');
    const upper = kind.toUpperCase() as ForcedFailure['kind'];
    if (!operation || !FORCEABLE.has(upper)) {
      throw invalid('FailOps', `entry ${index + 1} must be <operation>[:${[...FORCEABLE].join('|')}]`);
    }
    return { operation, kind: upper };
  });
}

export function parseMockConfig(credential: KeyValue[]): MockConfig {
  const mockName = keyValueOf(credential, 'MockName')?.trim();
  if (!mockName) {
    throw new DriverError('INVALID_ARGUMENT', 'mock credential has no MockName (it names the isolated mock cloud)');
  }
  const profileRaw = (keyValueOf(credential, 'Profile') ?? 'upstream').trim().toLowerCase();
  if (!(PROFILE_NAMES as readonly string[]).includes(profileRaw)) {
    throw invalid('Profile', `must be one of ${PROFILE_NAMES.join(', ')}`);
  }
  return {
    mockName,
    profile: profileRaw as ProfileName,
    seed: keyValueOf(credential, 'Seed') ?? 'cloud-barista',
    imagesPerRegion: numberOf(credential, 'ImagesPerRegion', integerIn(1, MAX_IMAGES_PER_REGION)),
    specsPerRegion: numberOf(credential, 'SpecsPerRegion', integerIn(1, 100_000)),
    catalogVersion: numberOf(credential, 'CatalogVersion', integerIn(1, 1000)) ?? 1,
    latencyMs: numberOf(credential, 'LatencyMs', integerIn(0, 600_000)) ?? 0,
    rateLimitPerSec: numberOf(credential, 'RateLimitPerSec', (n) => (n > 0 ? undefined : 'must be above 0')),
    failureRate: numberOf(credential, 'FailureRate', fraction) ?? 0,
    vmBootMs: numberOf(credential, 'VmBootMs', integerIn(0, 86_400_000)) ?? 0,
    vmStuckRate: numberOf(credential, 'VmStuckRate', fraction) ?? 0,
    failOps: parseFailOps(keyValueOf(credential, 'FailOps')),
  };
}
