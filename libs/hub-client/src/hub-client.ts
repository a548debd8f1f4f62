import { AppError, InvalidArgumentError } from '@cb/errors';
import { createGrpcClient, type GrpcClientOptions } from '@cb/grpc';
import { hub } from '@cb/proto';
import { createHash } from 'node:crypto';

export interface HubClientOptions extends GrpcClientOptions {
  /** Who is downloading, for hub's download log (default `hub-client`). */
  clientName?: string;
}

export interface DownloadedDriver {
  release: hub.DriverRelease;
  bytes: Buffer;
}

/** The artifact received does not match the sha256 or size hub announced for it. */
export class ArtifactIntegrityError extends AppError {
  constructor(message: string, details: { name: string; version: string; expected: string; actual: string }) {
    super('INTERNAL', message, details);
  }
}

export interface HubClient {
  listDrivers(): Promise<hub.DriverSummary[]>;
  getDriver(name: string): Promise<hub.GetDriverResponse>;
  listVersions(name: string): Promise<hub.DriverRelease[]>;
  /** The artifact of `version` (exact, `latest`, or a semver range), its sha256 checked while receiving. */
  downloadDriver(name: string, version?: string): Promise<DownloadedDriver>;
  /** Downloads per version and per day, of one driver or (no name) of all. */
  stats(name?: string): Promise<hub.GetStatsResponse>;
  close(): void;
}

/** A client of hub's gRPC API (cb.hub.v1.HubService). */
export function createHubClient(address: string, options: HubClientOptions = {}): HubClient {
  const { clientName = 'hub-client', ...grpcOptions } = options;
  const grpc = createGrpcClient(hub.HubService, address, { deadlineMs: 60_000, ...grpcOptions });
  return {
    listDrivers: async () => (await grpc.listDrivers({})).drivers,
    getDriver: (name) => grpc.getDriver({ name }),
    listVersions: async (name) => (await grpc.listVersions({ name })).versions,
    async downloadDriver(name, version = 'latest') {
      let release: hub.DriverRelease | undefined;
      const hash = createHash('sha256');
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const message of grpc.downloadArtifact({ name, version, client: clientName })) {
        if (message.part.case === 'release') {
          if (release) throw new InvalidArgumentError('hub sent the release twice in one download');
          release = message.part.value;
        } else if (message.part.case === 'chunk') {
          if (!release) throw new InvalidArgumentError('hub sent bytes before the release');
          const chunk = Buffer.from(message.part.value);
          hash.update(chunk);
          size += chunk.length;
          chunks.push(chunk);
        }
      }
      if (!release?.manifest) throw new InvalidArgumentError(`hub sent no release for ${name} ${version}`);
      const actual = hash.digest('hex');
      const { name: releaseName, version: releaseVersion } = release.manifest;
      if (actual !== release.sha256 || BigInt(size) !== release.size) {
        throw new ArtifactIntegrityError(
          `artifact of ${releaseName} ${releaseVersion} arrived with sha256 ${actual} (${size} bytes), hub announced ${release.sha256} (${release.size} bytes)`,
          { name: releaseName, version: releaseVersion, expected: release.sha256, actual },
        );
      }
      return { release, bytes: Buffer.concat(chunks, size) };
    },
    stats: (name = '') => grpc.getStats({ name }),
    close: () => grpc.close(),
  };
}
