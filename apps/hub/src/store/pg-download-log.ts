import type { DataSource } from 'typeorm';
import type { DownloadLog } from '../domain/ports';
import type { DownloadRecord, DownloadStats } from '../domain/release';

export class PgDownloadLog implements DownloadLog {
  constructor(private readonly dataSource: DataSource) {}

  async record(entry: DownloadRecord): Promise<void> {
    await this.dataSource.query(
      'INSERT INTO hub_download_logs (name, version, who, client, channel, downloaded_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [entry.name, entry.version, entry.who, entry.client, entry.channel, entry.at ?? new Date()],
    );
  }

  async recent(name: string, limit: number): Promise<Required<DownloadRecord>[]> {
    const rows = (await this.dataSource.query(
      `SELECT name, version, who, client, channel, downloaded_at FROM hub_download_logs
        WHERE name = $1 ORDER BY downloaded_at DESC, id DESC LIMIT $2`,
      [name, limit],
    )) as (Omit<DownloadRecord, 'at'> & { downloaded_at: Date })[];
    return rows.map(({ downloaded_at, ...row }) => ({ ...row, at: downloaded_at }));
  }

  async stats(name?: string): Promise<DownloadStats> {
    const where = name === undefined ? '' : 'WHERE name = $1';
    const params = name === undefined ? [] : [name];
    const perVersion = (await this.dataSource.query(
      `SELECT name, version, count(*)::int AS downloads FROM hub_download_logs ${where}
        GROUP BY name, version ORDER BY name, version`,
      params,
    )) as DownloadStats['perVersion'];
    const perDay = (await this.dataSource.query(
      `SELECT to_char(date_trunc('day', downloaded_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, count(*)::int AS downloads
         FROM hub_download_logs ${where} GROUP BY 1 ORDER BY 1`,
      params,
    )) as DownloadStats['perDay'];
    return { total: perVersion.reduce((sum, row) => sum + row.downloads, 0), perVersion, perDay };
  }
}
