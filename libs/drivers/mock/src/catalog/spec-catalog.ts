import { DriverError, type Price, type VMSpecInfo } from '@cb/driver-sdk';
import { hashString, mix, seededRandom, unit } from '../random';
import type { CatalogProfile } from './profiles';
import type { SpecCandidate } from './spec-families';
import { upstreamPriceSpecs } from './upstream-catalog';

interface PricedSpec {
  spec: VMSpecInfo;
  hourly: number;
}

/**
 * The instance types of one region with their on-demand prices. Specs are few (hundreds at most), so the
 * region's list is built once per catalog; which types a region offers and its price level come from the seed.
 */
export class SpecCatalog {
  private readonly specs: PricedSpec[];

  constructor(
    private readonly profile: CatalogProfile,
    seed: string,
    readonly region: string,
    size: number,
  ) {
    const salt = mix(hashString(seed), hashString(region));
    const builtIns = profile.builtInSpecs.map((spec) => ({ spec: structuredClone(spec), hourly: 0 }));
    const wanted = size - builtIns.length;
    const max = profile.specCandidates.length + builtIns.length;
    if (wanted > profile.specCandidates.length) {
      throw new DriverError('INVALID_ARGUMENT', `SpecsPerRegion ${size} is above the ${profile.name} profile's ${max}`);
    }
    // Prices differ by region: from list price in the cheapest region up to 35 % more.
    const regionFactor = 1 + unit(salt, 77) * 0.35;
    const chosen = pickSubset(profile.specCandidates, Math.max(0, wanted), seededRandom(salt));
    this.specs = [
      ...builtIns.slice(0, size),
      ...chosen.map((c) => ({ spec: toSpec(c, region), hourly: c.basePrice * regionFactor })),
    ];
  }

  list(): VMSpecInfo[] {
    return this.specs.map((s) => structuredClone(s.spec));
  }

  get(name: string): VMSpecInfo {
    const found = this.specs.find((s) => s.spec.Name === name);
    if (!found) throw new DriverError('NOT_FOUND', `VM spec '${name}' does not exist in region '${this.region}'`);
    return structuredClone(found.spec);
  }

  /** On-demand compute prices; upstream's profile answers its per-region price files instead. */
  *prices(simple: boolean): Generator<Price> {
    const rows =
      this.profile.name === 'upstream'
        ? upstreamPriceSpecs(this.region).map((p) => ({ spec: p.spec, hourly: p.price }))
        : this.specs;
    for (const { spec, hourly } of rows) {
      yield {
        ZoneName: 'NA',
        ProductInfo: {
          ProductId: `${this.region}:${spec.Name}`,
          ...(simple ? { VMSpecName: spec.Name } : { VMSpecInfo: structuredClone(spec) }),
          Description: `${spec.Name} on-demand Linux/UNIX`,
        },
        PriceInfo: {
          OnDemand: {
            PricingId: `${spec.Name}.ondemand`,
            Unit: 'Hour',
            Currency: 'USD',
            Price: hourly.toFixed(4),
            Description: `USD ${hourly.toFixed(4)} per hour for ${spec.Name}`,
          },
        },
      };
    }
  }
}

/** A deterministic subset of `count` candidates, kept in the families' natural order. */
function pickSubset(candidates: readonly SpecCandidate[], count: number, random: () => number): SpecCandidate[] {
  const order = candidates.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order
    .slice(0, count)
    .sort((a, b) => a - b)
    .map((i) => candidates[i]);
}

function toSpec(candidate: SpecCandidate, region: string): VMSpecInfo {
  const gpu = candidate.gpu;
  return {
    Region: region,
    Name: candidate.name,
    VCpu: { Count: String(candidate.vcpu), ClockGHz: candidate.clockGHz },
    MemSizeMiB: String(candidate.memGiB * 1024),
    DiskSizeGB: '-1',
    ...(gpu
      ? {
          Gpu: [
            {
              Count: String(gpu.count),
              Mfr: 'NVIDIA',
              Model: gpu.model,
              MemSizeGB: String(gpu.memGB),
              TotalMemSizeGB: String(gpu.memGB * gpu.count),
            },
          ],
        }
      : {}),
    KeyValueList: [{ Key: 'ProcessorArchitecture', Value: candidate.arch }],
  };
}
