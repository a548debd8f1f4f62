import type { DownloadRecord, DriverRelease, DriverSummary } from '../../domain/release';

/** The JSON shape of a release, on REST and in the OpenAPI document. */
export function toReleaseJson(release: DriverRelease) {
  const { manifest } = release;
  return {
    name: manifest.name,
    provider: manifest.provider,
    version: manifest.version,
    contractVersion: manifest.contractVersion,
    capabilities: manifest.capabilities,
    ...(manifest.description !== undefined ? { description: manifest.description } : {}),
    sha256: release.sha256,
    size: release.size,
    publishedAt: release.publishedAt.toISOString(),
    publishedBy: release.publishedBy,
    intact: release.intact,
  };
}

export const toDriverJson = (driver: DriverSummary) => ({ ...driver });

export const toDownloadJson = (entry: Required<DownloadRecord>) => ({ ...entry, at: entry.at.toISOString() });

/** `Digest` (RFC 3230) and `Repr-Digest` (RFC 9530) carry the sha256 in base64. */
export function digestHeaders(release: DriverRelease): Record<string, string> {
  const base64 = Buffer.from(release.sha256, 'hex').toString('base64');
  return {
    ETag: `"sha256-${release.sha256}"`,
    Digest: `sha-256=${base64}`,
    'Repr-Digest': `sha-256=:${base64}:`,
    'X-Checksum-Sha256': release.sha256,
  };
}
