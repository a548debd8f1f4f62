import semver from 'semver';
import type { DataSource, EntityManager } from 'typeorm';
import type { ReleaseManifest } from '../domain/manifest';
import type { ReleaseStore } from '../domain/ports';
import type { DriverRelease, DriverSummary } from '../domain/release';

/** What a release change must also publish, queued in the same transaction (the outbox). */
export interface ReleaseEventsOutbox {
  published(em: EntityManager, release: DriverRelease): Promise<void>;
  deleted(em: EntityManager, name: string, version?: string): Promise<void>;
}

interface VersionRow {
  manifest: Omit<ReleaseManifest, 'sha256' | 'size'>;
  sha256: string;
  size: string;
  storage_key: string;
  intact: boolean;
  published_at: Date;
  published_by: string;
}

const COLUMNS = 'manifest, sha256, size, storage_key, intact, published_at, published_by';

const toRelease = (row: VersionRow): DriverRelease => ({
  manifest: row.manifest,
  sha256: row.sha256,
  size: Number(row.size),
  storageKey: row.storage_key,
  intact: row.intact,
  publishedAt: row.published_at,
  publishedBy: row.published_by,
});

const newestFirst = (a: DriverRelease, b: DriverRelease) => semver.rcompare(a.manifest.version, b.manifest.version);

/** Changes to one driver are serialised by a transaction-scoped advisory lock on its name. */
const lockDriver = (em: EntityManager, name: string) =>
  em.query("SELECT pg_advisory_xact_lock(hashtextextended('cb:hub:driver:' || $1, 0))", [name]);

export class PgReleaseStore implements ReleaseStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: ReleaseEventsOutbox,
  ) {}

  insert(release: DriverRelease, commitBlob: () => Promise<void>) {
    const { name, version, provider } = release.manifest;
    return this.dataSource.transaction(async (em) => {
      await lockDriver(em, name);
      const existing = (await em.query(`SELECT ${COLUMNS} FROM hub_driver_versions WHERE name = $1 AND version = $2`, [
        name,
        version,
      ])) as VersionRow[];
      if (existing.length) return { release: toRelease(existing[0]), created: false };
      await em.query(
        'INSERT INTO hub_drivers (name, provider) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET provider = EXCLUDED.provider',
        [name, provider],
      );
      await commitBlob();
      await em.query(
        `INSERT INTO hub_driver_versions (name, version, ${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          name,
          version,
          JSON.stringify(release.manifest),
          release.sha256,
          release.size,
          release.storageKey,
          release.intact,
          release.publishedAt,
          release.publishedBy,
        ],
      );
      await this.outbox.published(em, release);
      return { release, created: true };
    });
  }

  async listDrivers(): Promise<DriverSummary[]> {
    const rows = (await this.dataSource.query(
      `SELECT d.name, d.provider, coalesce(json_agg(v.version) FILTER (WHERE v.intact), '[]') AS intact,
              count(v.version)::int AS version_count
         FROM hub_drivers d LEFT JOIN hub_driver_versions v ON v.name = d.name
        GROUP BY d.name, d.provider ORDER BY d.name`,
    )) as { name: string; provider: string; intact: string[]; version_count: number }[];
    return rows.map((row) => {
      const latest = semver.rsort([...row.intact])[0];
      return {
        name: row.name,
        provider: row.provider,
        ...(latest ? { latestVersion: latest } : {}),
        versionCount: row.version_count,
      };
    });
  }

  async listVersions(name: string): Promise<DriverRelease[]> {
    const rows = (await this.dataSource.query(`SELECT ${COLUMNS} FROM hub_driver_versions WHERE name = $1`, [
      name,
    ])) as VersionRow[];
    return rows.map(toRelease).sort(newestFirst);
  }

  deleteVersion(name: string, version: string): Promise<DriverRelease | undefined> {
    return this.dataSource.transaction(async (em) => {
      await lockDriver(em, name);
      const [rows] = (await em.query(
        `DELETE FROM hub_driver_versions WHERE name = $1 AND version = $2 RETURNING ${COLUMNS}`,
        [name, version],
      )) as [VersionRow[], number];
      if (!rows.length) return undefined;
      await em.query(
        'DELETE FROM hub_drivers d WHERE name = $1 AND NOT EXISTS (SELECT 1 FROM hub_driver_versions v WHERE v.name = d.name)',
        [name],
      );
      await this.outbox.deleted(em, name, version);
      return toRelease(rows[0]);
    });
  }

  deleteDriver(name: string): Promise<DriverRelease[]> {
    return this.dataSource.transaction(async (em) => {
      await lockDriver(em, name);
      const [rows] = (await em.query(`DELETE FROM hub_driver_versions WHERE name = $1 RETURNING ${COLUMNS}`, [
        name,
      ])) as [VersionRow[], number];
      await em.query('DELETE FROM hub_drivers WHERE name = $1', [name]);
      if (rows.length) await this.outbox.deleted(em, name);
      return rows.map(toRelease).sort(newestFirst);
    });
  }

  async markCorrupt(name: string, version: string): Promise<void> {
    await this.dataSource.query('UPDATE hub_driver_versions SET intact = false WHERE name = $1 AND version = $2', [
      name,
      version,
    ]);
  }
}
