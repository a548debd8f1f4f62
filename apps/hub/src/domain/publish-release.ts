import { ConflictError, InvalidArgumentError } from '@cb/errors';
import type { BlobStore, StagedBlob } from '../storage/blob-store';
import type { ReleaseManifest } from './manifest';
import type { ReleaseStore } from './ports';
import { type DriverRelease, storageKeyOf } from './release';

export interface PublishRequest {
  manifest: ReleaseManifest;
  /** The uploaded artifact, already staged (hashed, counted, within the size limit). */
  artifact: StagedBlob;
  publishedBy: string;
}

/**
 * Publishes a driver version. Versions are immutable: the same bytes again are answered with the
 * existing release (a retried upload), different bytes are a conflict. The staged blob becomes
 * visible only inside the transaction that records it, and is gone again if that transaction fails.
 */
export async function publishRelease(
  store: ReleaseStore,
  blobs: BlobStore,
  request: PublishRequest,
): Promise<{ release: DriverRelease; created: boolean }> {
  const { manifest, artifact } = request;
  const { sha256: declaredSha256, size: declaredSize, ...declared } = manifest;
  try {
    if (artifact.size === 0) throw new InvalidArgumentError('artifact is empty', { field: 'artifact' });
    if (declaredSha256 !== undefined && declaredSha256 !== artifact.sha256) {
      throw new InvalidArgumentError(
        `artifact is corrupted: its sha256 is ${artifact.sha256}, the manifest says ${declaredSha256}`,
        { field: 'artifact' },
      );
    }
    if (declaredSize !== undefined && declaredSize !== artifact.size) {
      throw new InvalidArgumentError(
        `artifact is corrupted: it has ${artifact.size} bytes, the manifest says ${declaredSize}`,
        { field: 'artifact' },
      );
    }
    const release: DriverRelease = {
      manifest: declared,
      sha256: artifact.sha256,
      size: artifact.size,
      storageKey: storageKeyOf(manifest.name, manifest.version),
      publishedAt: new Date(),
      publishedBy: request.publishedBy,
      intact: true,
    };
    let committed = false;
    const result = await store
      .insert(release, async () => {
        await artifact.commit(release.storageKey);
        committed = true;
      })
      .catch(async (error: unknown) => {
        if (committed) await blobs.remove(release.storageKey).catch(() => undefined);
        throw error;
      });
    if (!result.created && result.release.sha256 !== artifact.sha256) {
      throw new ConflictError(
        `${manifest.name} ${manifest.version} is already published with sha256 ${result.release.sha256}; versions are immutable, publish a new version`,
        { field: 'manifest.version' },
      );
    }
    return result;
  } finally {
    await artifact.discard();
  }
}
