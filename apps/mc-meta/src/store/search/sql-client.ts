import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

/** What searches need from the database: one statement, its rows. */
export interface SqlClient {
  query(sql: string, params?: unknown[]): Promise<any[]>;
}

/**
 * Searches straight on TypeORM's pg pool: one statement each, no transaction, so the per-call query-runner
 * bookkeeping of DataSource.query is not worth its cost on the hot path.
 */
export function poolClient(ds: DataSource): SqlClient {
  const pool = (ds.driver as unknown as { master: Pool }).master;
  return { query: async (sql, params) => (await pool.query(sql, params)).rows };
}
