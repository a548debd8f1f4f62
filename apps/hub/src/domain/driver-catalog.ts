import { NotFoundError } from '@cb/errors';
import type { BlobStore } from '../storage/blob-store';
import type { ReleaseStore } from './ports';
import type { DriverRelease, DriverSummary } from './release';

/** Reading and deleting what is published. */
export class DriverCatalog {
  constructor(
    private readonly store: ReleaseStore,
    private readonly blobs: BlobStore,
  ) {}

  listDrivers(): Promise<DriverSummary[]> {
    return this.store.listDrivers();
  }

  async getDriver(name: string): Promise<{ driver: DriverSummary; versions: DriverRelease[] }> {
    const versions = await this.listVersions(name);
    const latest = versions.find((v) => v.intact);
    return {
      driver: {
        name,
        provider: versions[0].manifest.provider,
        ...(latest ? { latestVersion: latest.manifest.version } : {}),
        versionCount: versions.length,
      },
      versions,
    };
  }

  /** Newest first; NotFoundError for a driver with no version. */
  async listVersions(name: string): Promise<DriverRelease[]> {
    const versions = await this.store.listVersions(name);
    if (versions.length === 0) throw new NotFoundError(`driver '${name}' is not published`, { field: 'name' });
    return versions;
  }

  async deleteVersion(name: string, version: string): Promise<DriverRelease> {
    const deleted = await this.store.deleteVersion(name, version);
    if (!deleted) throw new NotFoundError(`driver '${name}' has no version ${version}`, { field: 'version' });
    // The row is gone (and its event queued) first: a crash here leaves an unreferenced file, never a
    // record without its bytes.
    await this.blobs.remove(deleted.storageKey);
    return deleted;
  }

  async deleteDriver(name: string): Promise<DriverRelease[]> {
    const deleted = await this.store.deleteDriver(name);
    if (deleted.length === 0) throw new NotFoundError(`driver '${name}' is not published`, { field: 'name' });
    for (const release of deleted) await this.blobs.remove(release.storageKey);
    return deleted;
  }
}
