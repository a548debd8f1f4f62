import { parseQuery } from '../search/search-queries';
import { statsQuerySchema, type StatsQuery, type StatsSeries } from './stats-query';

export interface SnapshotPort {
  take(day: string): Promise<void>;
  series(query: StatsQuery): Promise<StatsSeries[]>;
}

/** Daily snapshots of catalog counts and the history read from them. */
export class StatsService {
  constructor(
    private readonly snapshots: SnapshotPort,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Snapshot of today (UTC), taken after every sync and on the daily schedule. */
  async snapshot(day = this.now().toISOString().slice(0, 10)): Promise<void> {
    await this.snapshots.take(day);
  }

  async stats(input: Record<string, unknown>): Promise<{ query: StatsQuery; series: StatsSeries[] }> {
    const query = parseQuery(statsQuerySchema, input);
    return { query, series: await this.snapshots.series(query) };
  }
}
