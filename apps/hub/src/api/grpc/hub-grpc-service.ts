import { create } from '@bufbuild/protobuf';
import type { JsonObject } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { ServiceImpl } from '@cb/grpc';
import { hub } from '@cb/proto';
import type { Readable } from 'node:stream';
import { type ArtifactDownloads, CorruptArtifactError } from '../../domain/artifact-downloads';
import type { DriverCatalog } from '../../domain/driver-catalog';
import { checkDriverName } from '../../domain/manifest';
import type { DownloadLog } from '../../domain/ports';
import type { DriverRelease } from '../../domain/release';
import { IntegrityError } from '../../storage/verifying-stream';

/** Chunks of at most 64 KiB keep each message small and the stream responsive to backpressure. */
const CHUNK_BYTES = 64 * 1024;

export function toReleaseMessage(release: DriverRelease): hub.DriverRelease {
  const { manifest } = release;
  return create(hub.DriverReleaseSchema, {
    manifest: {
      name: manifest.name,
      provider: manifest.provider,
      version: manifest.version,
      contractVersion: manifest.contractVersion,
      capabilities: manifest.capabilities as unknown as JsonObject,
      description: manifest.description ?? '',
    },
    sha256: release.sha256,
    size: BigInt(release.size),
    publishedAt: timestampFromDate(release.publishedAt),
    publishedBy: release.publishedBy,
    intact: release.intact,
  });
}

/** cb.hub.v1.HubService: message in, domain call, message out. */
export function hubGrpcService(
  catalog: DriverCatalog,
  downloads: ArtifactDownloads,
  downloadLog: DownloadLog,
): ServiceImpl<typeof hub.HubService> {
  return {
    async listDrivers() {
      const drivers = await catalog.listDrivers();
      return { drivers: drivers.map((driver) => ({ ...driver, latestVersion: driver.latestVersion ?? '' })) };
    },

    async getDriver({ name }) {
      const { driver, versions } = await catalog.getDriver(checkDriverName(name));
      return {
        driver: { ...driver, latestVersion: driver.latestVersion ?? '' },
        versions: versions.map(toReleaseMessage),
      };
    },

    async listVersions({ name }) {
      const versions = await catalog.listVersions(checkDriverName(name));
      return { versions: versions.map(toReleaseMessage) };
    },

    async *downloadArtifact({ name, version, client }, ctx) {
      const release = await downloads.resolve(checkDriverName(name), version || 'latest');
      const bytes = await downloads.open(release, { who: ctx.peer, client: client || 'unknown', channel: 'grpc' });
      try {
        yield { part: { case: 'release', value: toReleaseMessage(release) } };
        for await (const chunk of rechunk(bytes)) yield { part: { case: 'chunk', value: chunk } };
      } catch (error) {
        throw error instanceof IntegrityError ? new CorruptArtifactError(release) : error;
      } finally {
        bytes.destroy();
      }
    },

    async getStats({ name }) {
      const stats = await downloadLog.stats(name ? checkDriverName(name) : undefined);
      return {
        total: BigInt(stats.total),
        perVersion: stats.perVersion.map((row) => ({ ...row, downloads: BigInt(row.downloads) })),
        perDay: stats.perDay.map((row) => ({ ...row, downloads: BigInt(row.downloads) })),
      };
    },
  };
}

async function* rechunk(stream: Readable): AsyncGenerator<Uint8Array> {
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    for (let at = 0; at < chunk.length; at += CHUNK_BYTES) yield chunk.subarray(at, at + CHUNK_BYTES);
  }
}
