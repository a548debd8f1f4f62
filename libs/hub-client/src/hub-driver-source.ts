import type { CloudDriver, DriverRegistry } from '@cb/driver-sdk';
import { InvalidArgumentError } from '@cb/errors';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import semver from 'semver';
import { hubDriverRefOf, type HubDriverRef } from './driver-lib-file-name';
import type { HubClient } from './hub-client';

export interface HubDriverSourceOptions {
  hub: HubClient;
  registry: DriverRegistry;
  /** Where downloaded artifacts are kept, one file per name, version and sha256. */
  cacheDir: string;
}

export interface LoadedHubDriver {
  libFileName: string;
  ref: HubDriverRef;
  version: string;
  sha256: string;
  driver: CloudDriver;
}

/**
 * Drivers spider does not ship, fetched from hub: download (sha256 checked while receiving), cache,
 * load through the registry (sha256 checked again on the cached file before any of it runs, manifest
 * and contract version validated), registered under the DriverLibFileName spider asked for.
 */
export class HubDriverSource {
  private readonly loaded = new Map<string, LoadedHubDriver>();

  constructor(private readonly options: HubDriverSourceOptions) {}

  /** Fetches and registers the driver for `libFileName` (see hubDriverRefOf for the naming). */
  async load(libFileName: string): Promise<LoadedHubDriver> {
    const ref = hubDriverRefOf(libFileName);
    const { release, bytes } = await this.options.hub.downloadDriver(ref.name, ref.version);
    const { name, version } = release.manifest!;
    const path = await this.cache(name, version, release.sha256, bytes);
    const { registry } = this.options;
    const previous = registry.has(libFileName) ? registry.get(libFileName) : undefined;
    const driver = await registry.loadFromModule(path, { sha256: release.sha256, fileName: libFileName });
    if (driver.manifest.DriverName !== name || driver.manifest.Version !== version) {
      // A bad new release must not take away the driver in use.
      if (previous) registry.register(libFileName, previous);
      else registry.unregister(libFileName);
      throw new InvalidArgumentError(
        `hub release ${name} ${version} contains driver ${driver.manifest.DriverName} ${driver.manifest.Version}`,
        { field: 'DriverLibFileName' },
      );
    }
    const entry = { libFileName, ref, version, sha256: release.sha256, driver };
    this.loaded.set(libFileName, entry);
    return entry;
  }

  /**
   * A `cb.hub.driver.published` event: reloads every driver loaded from hub under that name whose
   * version range takes the new version. Answers the lib file names reloaded.
   */
  async onPublished(event: { name: string; version: string }): Promise<string[]> {
    const reloaded: string[] = [];
    for (const entry of [...this.loaded.values()]) {
      if (entry.ref.name !== event.name) continue;
      const wanted = entry.ref.version === 'latest' ? '*' : entry.ref.version;
      if (!semver.satisfies(event.version, wanted) || !semver.gt(event.version, entry.version)) continue;
      await this.load(entry.libFileName);
      reloaded.push(entry.libFileName);
    }
    return reloaded;
  }

  /** What was loaded from hub, by DriverLibFileName. */
  loadedDrivers(): LoadedHubDriver[] {
    return [...this.loaded.values()];
  }

  /** Writes the verified bytes once (temp file + rename), keeping a cached copy whose bytes still match. */
  private async cache(name: string, version: string, sha256: string, bytes: Buffer): Promise<string> {
    const dir = join(this.options.cacheDir, name);
    const path = join(dir, `${version}-${sha256.slice(0, 16)}.mjs`);
    const cached = await readFile(path).catch(() => undefined);
    if (cached && createHash('sha256').update(cached).digest('hex') === sha256) return path;
    await mkdir(dir, { recursive: true });
    const temp = join(dir, `.${randomUUID()}.part`);
    try {
      await writeFile(temp, bytes, { flag: 'wx' });
      await rename(temp, path);
    } finally {
      await rm(temp, { force: true });
    }
    return path;
  }
}
