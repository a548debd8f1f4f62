import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { ConcurrencyLimiter } from '../../domain/concurrency-limiter';

/** What searches need from the database: one statement, its rows. */
export interface SqlClient {
  query(sql: string, params?: unknown[]): Promise<any[]>;
}

/**
 * Searches straight on TypeORM's pg pool: one statement each, no transaction, so the per-call query-runner
 * bookkeeping of DataSource.query is not worth its cost on the hot path. At most `concurrency` statements run at
 * once (see MCMETA_SEARCH_CONCURRENCY); the pool's other connections stay free for syncs.
 */
export function poolClient(ds: DataSource, concurrency: number): SqlClient {
  const pool = (ds.driver as unknown as { master: Pool }).master;
  const limiter = new ConcurrencyLimiter(concurrency);
  return { query: (sql, params) => limiter.run(async () => (await pool.query(sql, params)).rows) };
}
