import type { DownloadRecord, DownloadStats, DriverRelease, DriverSummary } from './release';

/** Releases as PostgreSQL keeps them; every write also queues its event in the same transaction. */
export interface ReleaseStore {
  /**
   * Records a new release under a per-driver lock, calling `commitBlob` inside the transaction once
   * the version is known to be new. Answers the existing release instead when that version exists.
   */
  insert(
    release: DriverRelease,
    commitBlob: () => Promise<void>,
  ): Promise<{ release: DriverRelease; created: boolean }>;
  listDrivers(): Promise<DriverSummary[]>;
  /** Every version of a driver, newest (semver) first; empty when the driver is unknown. */
  listVersions(name: string): Promise<DriverRelease[]>;
  /** Removes one version (and the driver once it has none); undefined when there was none. */
  deleteVersion(name: string, version: string): Promise<DriverRelease | undefined>;
  /** Removes a driver and every version; the removed versions. */
  deleteDriver(name: string): Promise<DriverRelease[]>;
  markCorrupt(name: string, version: string): Promise<void>;
}

export interface DownloadLog {
  record(entry: DownloadRecord): Promise<void>;
  recent(name: string, limit: number): Promise<Required<DownloadRecord>[]>;
  /** Downloads per version and per day (UTC), of one driver or of all. */
  stats(name?: string): Promise<DownloadStats>;
}
