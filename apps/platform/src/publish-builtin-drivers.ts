import { MOCK_DRIVER_MANIFEST } from '@cb/driver-mock';
import { publishDriver, type HubRestTarget } from '@cb/hub-client';
import type { ServiceLogger } from '@cb/runtime';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { buildDriver, type BuiltDriver, type BuiltManifest } from '../../../tools/build-driver/build-driver';

const repoRoot = resolve(__dirname, '../../..');

/** A driver package published to hub under a name (one package may be published under several). */
export interface BuiltinDriver {
  name: string;
  packageDir: string;
  version: string;
}

/**
 * The mock as a real hub artifact, and a renamed build of it (`mock-hub`) that spider does not ship:
 * registering `mock-hub-driver-v1.0.js` in spider proves a driver can come from hub and be used.
 */
export const BUILTIN_DRIVERS: BuiltinDriver[] = ['mock', 'mock-hub'].map((name) => ({
  name,
  packageDir: join(repoRoot, 'libs/drivers/mock'),
  version: MOCK_DRIVER_MANIFEST.Version,
}));

export interface PublishBuiltinDriversOptions {
  hub: HubRestTarget;
  /** Built artifacts are kept here, so that a restart does not build again. */
  cacheDir: string;
  logger: ServiceLogger;
  drivers?: BuiltinDriver[];
}

/**
 * Publishes each built-in driver whose version hub does not have yet (so a restart is a no-op), built
 * with tools/build-driver or taken from the cache when its bytes still match their manifest.
 */
export async function publishBuiltinDrivers(options: PublishBuiltinDriversOptions): Promise<void> {
  for (const driver of options.drivers ?? BUILTIN_DRIVERS) {
    if (await hubHas(options.hub, driver)) continue;
    const built = (await cachedBuild(options.cacheDir, driver)) ?? (await build(options.cacheDir, driver));
    const release = await publishDriver(options.hub, built.manifestPath, built.artifactPath);
    options.logger.info({ name: release.name, version: release.version, sha256: release.sha256 }, 'driver published');
  }
}

async function hubHas(hub: HubRestTarget, driver: BuiltinDriver): Promise<boolean> {
  const url = `${hub.baseUrl}/drivers/${driver.name}/versions/${driver.version}`;
  const response = await fetch(url);
  if (response.status === 404) return false;
  if (!response.ok) throw new Error(`hub answered ${response.status} for ${url}`);
  return true;
}

function build(cacheDir: string, driver: BuiltinDriver): Promise<BuiltDriver> {
  return buildDriver({ packageDir: driver.packageDir, name: driver.name, version: driver.version, outDir: cacheDir });
}

/** The cached build of this name and version, unless it is missing or its bytes changed. */
async function cachedBuild(cacheDir: string, driver: BuiltinDriver): Promise<BuiltDriver | undefined> {
  const artifactPath = join(cacheDir, `${driver.name}-${driver.version}.mjs`);
  const manifestPath = join(cacheDir, `${driver.name}-${driver.version}.manifest.json`);
  try {
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as BuiltManifest;
    const sha256 = createHash('sha256')
      .update(await readFile(artifactPath))
      .digest('hex');
    return sha256 === manifest.sha256 ? { manifest, artifactPath, manifestPath } : undefined;
  } catch {
    return undefined;
  }
}
