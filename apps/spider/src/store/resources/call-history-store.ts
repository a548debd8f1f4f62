import type { DataSource } from 'typeorm';
import { DriverCallEntity } from './driver-call.entity';

export type DriverCallRecord = Omit<DriverCallEntity, 'id'>;

export interface CallHistoryFilter {
  connectionName?: string;
  providerName?: string;
  resourceType?: string;
  operation?: string;
  /** `ok`, `error` (any failure) or one error code. */
  outcome?: string;
  since?: Date;
  limit: number;
}

export interface ProviderCallStats {
  providerName: string;
  calls: number;
  errors: number;
  avgMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

/** The driver call history: written in batches by the recorder, read by the REST queries. */
export class CallHistoryStore {
  constructor(private readonly dataSource: DataSource) {}

  async insertMany(records: DriverCallRecord[]): Promise<void> {
    if (records.length) await this.dataSource.getRepository(DriverCallEntity).insert(records);
  }

  async list(filter: CallHistoryFilter): Promise<DriverCallEntity[]> {
    return this.filtered(filter).orderBy('c.at', 'DESC').addOrderBy('c.id', 'DESC').limit(filter.limit).getMany();
  }

  /** Latency and error figures per provider over the filtered calls (the limit does not apply). */
  async statsByProvider(filter: Omit<CallHistoryFilter, 'limit'>): Promise<ProviderCallStats[]> {
    const rows = await this.filtered({ ...filter, limit: 0 })
      .select('c.provider_name', 'providerName')
      .addSelect('count(*)::int', 'calls')
      .addSelect(`count(*) FILTER (WHERE c.outcome <> 'ok')::int`, 'errors')
      .addSelect('avg(c.duration_ms)', 'avgMs')
      .addSelect('percentile_cont(0.5) WITHIN GROUP (ORDER BY c.duration_ms)', 'p50Ms')
      .addSelect('percentile_cont(0.95) WITHIN GROUP (ORDER BY c.duration_ms)', 'p95Ms')
      .addSelect('max(c.duration_ms)', 'maxMs')
      .groupBy('c.provider_name')
      .orderBy('c.provider_name')
      .getRawMany<Record<keyof ProviderCallStats, string | number>>();
    return rows.map((row) => ({
      providerName: String(row.providerName),
      calls: Number(row.calls),
      errors: Number(row.errors),
      avgMs: round(row.avgMs),
      p50Ms: round(row.p50Ms),
      p95Ms: round(row.p95Ms),
      maxMs: round(row.maxMs),
    }));
  }

  private filtered(filter: CallHistoryFilter) {
    const query = this.dataSource.getRepository(DriverCallEntity).createQueryBuilder('c');
    if (filter.connectionName) query.andWhere('c.connection_name = :connectionName', filter);
    if (filter.providerName) query.andWhere('c.provider_name = :providerName', filter);
    if (filter.resourceType) query.andWhere('c.resource_type = :resourceType', filter);
    if (filter.operation) query.andWhere('c.operation = :operation', filter);
    if (filter.outcome === 'error') query.andWhere(`c.outcome <> 'ok'`);
    else if (filter.outcome) query.andWhere('c.outcome = :outcome', filter);
    if (filter.since) query.andWhere('c.at >= :since', filter);
    return query;
  }
}

const round = (value: string | number) => Math.round(Number(value) * 1000) / 1000;
