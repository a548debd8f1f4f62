import type { DataSource } from 'typeorm';
import type { StatsPoint, StatsQuery, StatsSeries } from '../domain/stats/stats-query';

/** Live-record counts per group, per kind; `os` only means something for images. */
const GROUPS: Record<StatsQuery['kind'], string> = {
  // image_count holds the live images counted per connection and filter values (see image-counts.ts).
  images: `SELECT provider, region, os_family AS os, sum(n)::int AS count FROM image_count GROUP BY 1, 2, 3`,
  specs: `SELECT provider, region, '' AS os, count(*)::int FROM spec WHERE removed_at IS NULL GROUP BY 1, 2`,
  prices: `SELECT provider, region, '' AS os, count(*)::int FROM price WHERE removed_at IS NULL GROUP BY 1, 2`,
  regions: `SELECT provider, '' AS region, '' AS os, count(DISTINCT name)::int FROM region WHERE removed_at IS NULL GROUP BY 1`,
};

const GROUP_COLUMNS: Record<StatsQuery['groupBy'], string> = { provider: 'provider', region: 'region', os: 'os' };

export class SnapshotStore {
  constructor(private readonly ds: DataSource) {}

  /** Records today's counts (a later snapshot the same day replaces the earlier one). */
  async take(day: string): Promise<void> {
    await this.ds.transaction(async (em) => {
      for (const [kind, select] of Object.entries(GROUPS)) {
        await em.query(`DELETE FROM catalog_snapshot WHERE kind = $1 AND day = $2`, [kind, day]);
        await em.query(
          `INSERT INTO catalog_snapshot (day, kind, provider, region, os, count)
           SELECT $1::date, $2, provider, region, os, count FROM (${select}) groups`,
          [day, kind],
        );
      }
    });
  }

  /**
   * One series per group value: the count at the end of each day or month (the period's last snapshot), with
   * the change from the period before and its rate.
   */
  async series(query: StatsQuery): Promise<StatsSeries[]> {
    const params: unknown[] = [query.kind];
    const filters = [`kind = $1`];
    for (const column of ['provider', 'region', 'os'] as const) {
      const value = query[column];
      if (value !== undefined) filters.push(`${column} = $${params.push(value)}`);
    }
    if (query.from) filters.push(`day >= $${params.push(query.from)}::date`);
    if (query.to) filters.push(`day <= $${params.push(query.to)}::date`);
    const rows: { period: string; key: string; count: number; previous: number | null }[] = await this.ds.query(
      `WITH daily AS (
         SELECT day, ${GROUP_COLUMNS[query.groupBy]} AS key, sum(count)::int AS count
         FROM catalog_snapshot WHERE ${filters.join(' AND ')} GROUP BY day, key
       ), periods AS (
         SELECT to_char(date_trunc('${query.interval}', day), '${query.interval === 'month' ? 'YYYY-MM' : 'YYYY-MM-DD'}') AS period,
                key, (array_agg(count ORDER BY day DESC))[1] AS count
         FROM daily GROUP BY 1, 2
       )
       SELECT period, key, count, lag(count) OVER (PARTITION BY key ORDER BY period) AS previous
       FROM periods ORDER BY key, period`,
      params,
    );
    const byKey = new Map<string, StatsPoint[]>();
    for (const row of rows) {
      const growth = row.previous === null ? null : row.count - row.previous;
      const points = byKey.get(row.key) ?? byKey.set(row.key, []).get(row.key)!;
      points.push({
        period: row.period,
        count: row.count,
        growth,
        growthRate: growth === null || !row.previous ? null : Math.round((growth / row.previous) * 10_000) / 10_000,
      });
    }
    return [...byKey].map(([key, points]) => ({ key, points }));
  }
}
