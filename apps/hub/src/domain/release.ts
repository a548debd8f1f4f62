import type { ReleaseManifest } from './manifest';

/** One published, immutable version of a driver. */
export interface DriverRelease {
  manifest: Omit<ReleaseManifest, 'sha256' | 'size'>;
  sha256: string;
  size: number;
  /** Where the blob store keeps the bytes. */
  storageKey: string;
  publishedAt: Date;
  publishedBy: string;
  /** False once a download found the stored bytes no longer matching `sha256`. */
  intact: boolean;
}

export interface DriverSummary {
  name: string;
  provider: string;
  /** The newest intact version, if any. */
  latestVersion?: string;
  versionCount: number;
}

export interface DownloadRecord {
  name: string;
  version: string;
  /** The authenticated user, else the caller's address. */
  who: string;
  /** What the caller says it is (User-Agent, or the gRPC request's `client`). */
  client: string;
  channel: 'rest' | 'grpc';
  at?: Date;
}

export interface DownloadStats {
  total: number;
  perVersion: { name: string; version: string; downloads: number }[];
  perDay: { day: string; downloads: number }[];
}

export const storageKeyOf = (name: string, version: string) => `${name}/${version}.mjs`;
