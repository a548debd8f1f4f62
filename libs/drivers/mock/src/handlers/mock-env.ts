import type { RegionInfo } from '@cb/driver-sdk';
import type { ImageCatalog } from '../catalog/image-catalog';
import type { CatalogProfile } from '../catalog/profiles';
import type { SpecCatalog } from '../catalog/spec-catalog';
import type { Clock } from '../clock';
import type { MockConfig } from '../config';
import type { MockCloud } from '../state/mock-cloud';

/** What every handler of one connection works with. */
export interface MockEnv {
  cloud: MockCloud;
  config: MockConfig;
  clock: Clock;
  region: RegionInfo;
  profile: CatalogProfile;
  images: ImageCatalog;
  specs: SpecCatalog;
}

export function nowIso(env: MockEnv): string {
  return new Date(env.clock.now()).toISOString();
}
