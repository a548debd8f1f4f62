import { AppError, InvalidArgumentError, NotFoundError } from '@cb/errors';
import { pipeline, type Readable } from 'node:stream';
import semver from 'semver';
import type { BlobStore } from '../storage/blob-store';
import { verifyingStream } from '../storage/verifying-stream';
import type { DownloadLog, ReleaseStore } from './ports';
import type { DownloadRecord, DriverRelease } from './release';

export interface IntegrityAlarm {
  error(object: object, message?: string): void;
}

/** A stored blob no longer matching its record: the hub's fault, never the caller's. */
export class CorruptArtifactError extends AppError {
  constructor(release: DriverRelease) {
    const { name, version } = release.manifest;
    super(
      'INTERNAL',
      `the stored artifact of ${name} ${version} failed its sha256 check and is withheld; delete and republish it`,
      { name, version, sha256: release.sha256 },
    );
  }
}

/** Picks releases for download and streams their bytes, verified, with a download log entry. */
export class ArtifactDownloads {
  constructor(
    private readonly store: ReleaseStore,
    private readonly blobs: BlobStore,
    private readonly log: DownloadLog,
    private readonly alarm: IntegrityAlarm,
  ) {}

  /** `selector`: an exact version, `latest`, or a semver range; the newest intact release that fits. */
  async resolve(name: string, selector: string): Promise<DriverRelease> {
    const versions = await this.store.listVersions(name);
    if (versions.length === 0) throw new NotFoundError(`driver '${name}' is not published`, { field: 'name' });
    const exact = semver.valid(selector);
    if (exact) {
      const release = versions.find((v) => v.manifest.version === exact);
      if (!release) throw new NotFoundError(`driver '${name}' has no version ${exact}`, { field: 'version' });
      if (!release.intact) throw new CorruptArtifactError(release);
      return release;
    }
    const range = selector === 'latest' ? '*' : semver.validRange(selector);
    if (!range) {
      throw new InvalidArgumentError(`version '${selector}' is not a version, 'latest' or a semver range`, {
        field: 'version',
      });
    }
    const intact = versions.filter((v) => v.intact);
    const best = semver.maxSatisfying(
      intact.map((v) => v.manifest.version),
      range,
    );
    if (!best)
      throw new NotFoundError(`driver '${name}' has no intact version matching '${selector}'`, { field: 'version' });
    return intact.find((v) => v.manifest.version === best)!;
  }

  /**
   * The release's bytes. The stream fails before its last chunk when the stored blob does not match
   * its sha256 (the release is then marked corrupt); the download is logged before the last chunk.
   */
  async open(release: DriverRelease, who: Omit<DownloadRecord, 'name' | 'version'>): Promise<Readable> {
    if (!release.intact) throw new CorruptArtifactError(release);
    const { name, version } = release.manifest;
    const source = await this.blobs.open(release.storageKey);
    const verified = verifyingStream(
      { sha256: release.sha256, size: release.size },
      {
        beforeLastChunk: () => this.log.record({ ...who, name, version }),
        onMismatch: async (actual) => {
          this.alarm.error(
            { name, version, expected: release.sha256, actual: actual.sha256 },
            'stored artifact is corrupt',
          );
          await this.store.markCorrupt(name, version).catch((error: unknown) => {
            this.alarm.error({ name, version, err: error }, 'could not flag the corrupt artifact');
          });
        },
      },
    );
    // pipeline destroys both sides when either fails or the reader goes away.
    pipeline(source, verified, () => undefined);
    return verified;
  }
}
