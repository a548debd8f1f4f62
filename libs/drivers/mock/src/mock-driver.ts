import { type CloudDriver, type ConnectionInfo, DriverError } from '@cb/driver-sdk';
import { type CatalogMetrics, ImageCatalog } from './catalog/image-catalog';
import { PROFILES } from './catalog/profiles';
import { SpecCatalog } from './catalog/spec-catalog';
import { type Clock, systemClock } from './clock';
import { parseMockConfig } from './config';
import { MOCK_DRIVER_MANIFEST } from './manifest';
import { MockConnection } from './mock-connection';
import { seededRandom } from './random';
import { MockClouds } from './state/mock-cloud';

export interface MockDriverOptions {
  clock?: Clock;
  /** Randomness per MockName, from the credential's `Seed` and the MockName; seeded by default. */
  random?: (seed: string) => () => number;
  /** Counters a test may read (e.g. images generated so far). */
  metrics?: CatalogMetrics;
}

export interface MockDriver extends CloudDriver {
  /** Forgets one MockName's resources (or all), like a restart of upstream's process. */
  reset(mockName?: string): void;
  readonly metrics: CatalogMetrics;
}

/** A mock driver with its own clouds; the module's default driver is one of these. */
export function createMockDriver(options: MockDriverOptions = {}): MockDriver {
  const clock = options.clock ?? systemClock;
  const metrics = options.metrics ?? { imagesGenerated: 0 };
  const clouds = new MockClouds(clock, options.random ?? seededRandom);

  return {
    manifest: MOCK_DRIVER_MANIFEST,
    metrics,
    reset: (mockName) => clouds.reset(mockName),
    async connect(info: ConnectionInfo) {
      const config = parseMockConfig(info.credential);
      const profile = PROFILES[config.profile];
      const regionName = info.region?.Region?.trim() || profile.regions[0].Name;
      if (!profile.regions.some((r) => r.Name === regionName)) {
        throw new DriverError(
          'INVALID_ARGUMENT',
          `region '${regionName}' is not a region of the mock's ${config.profile} profile (${profile.regions.map((r) => r.Name).join(', ')})`,
        );
      }
      const images = new ImageCatalog(
        profile,
        config.seed,
        regionName,
        config.imagesPerRegion ?? profile.defaultImagesPerRegion,
        config.catalogVersion,
        metrics,
      );
      const specs = new SpecCatalog(
        profile,
        config.seed,
        regionName,
        config.specsPerRegion ?? profile.defaultSpecsPerRegion,
      );
      return new MockConnection({
        cloud: clouds.get(config.mockName, config.seed),
        config,
        clock,
        region: { Region: regionName, ...(info.region?.Zone ? { Zone: info.region.Zone } : {}) },
        profile,
        images,
        specs,
      });
    },
  };
}
