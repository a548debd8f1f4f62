import { createHash } from 'node:crypto';
import { types, type CustomTypesConfig, type Pool, type PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { ConcurrencyLimiter } from '../../domain/concurrency-limiter';

/** What searches need from the database: one statement, its rows. */
export interface SqlClient {
  /** `jsonAsText`: json and jsonb values come as their text, unparsed (for answers that pass them on as JSON). */
  query(sql: string, params?: unknown[], options?: { jsonAsText?: boolean }): Promise<any[]>;
}

const JSON_OIDS = new Set([114, 3802]);

/** pg's parsers, but json and jsonb left as the text PostgreSQL sent. */
const JSON_AS_TEXT: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    JSON_OIDS.has(oid)
      ? (value: string) => value
      : types.getTypeParser(oid, format)) as CustomTypesConfig['getTypeParser'],
};

/**
 * Prepared search statements a pooled connection keeps before it is closed and replaced: the texts differ only by
 * which filters and facets a search names (the values are parameters), so a catalog's users settle on a few dozen,
 * and a connection holding this many has seen unusual ones; closing it frees their plans in the database.
 */
export const MAX_PREPARED_PER_CONNECTION = 128;

/** A statement's name on every connection: derived from its text, so equal texts share one prepared statement. */
export const statementName = (sql: string) => `mcmeta_search_${createHash('sha1').update(sql).digest('base64url')}`;

/** Names of the texts seen lately (a search's text is hashed once, not on every run), at most `size` of them. */
function statementNames(size: number): (sql: string) => string {
  const names = new Map<string, string>();
  return (sql) => {
    let name = names.get(sql);
    if (name === undefined) {
      name = statementName(sql);
      if (names.size >= size) names.delete(names.keys().next().value!);
      names.set(sql, name);
    }
    return name;
  };
}

/**
 * Searches straight on TypeORM's pg pool: one statement each, no transaction, so the per-call query-runner
 * bookkeeping of DataSource.query is not worth its cost on the hot path. Each statement is prepared on its
 * connection the first time that connection runs its text: PostgreSQL then parses a text once per connection
 * instead of once per search, and after a few runs plans it once where the plan does not depend on the values
 * (plan_cache_mode auto; the search statements fix their plans' shape by ordered, bounded walks). At most
 * `concurrency` statements run at once (see MCMETA_SEARCH_CONCURRENCY); the pool's other connections stay free for
 * syncs.
 */
export function poolClient(ds: DataSource, concurrency: number, maxPrepared = MAX_PREPARED_PER_CONNECTION): SqlClient {
  const pool = (ds.driver as unknown as { master: Pool }).master;
  const limiter = new ConcurrencyLimiter(concurrency);
  const prepared = new WeakMap<PoolClient, Set<string>>();
  const nameOf = statementNames(maxPrepared * 4);
  return {
    query: (sql, params, options) =>
      limiter.run(async () => {
        const name = nameOf(sql);
        const client = await pool.connect();
        const names = prepared.get(client) ?? new Set<string>();
        prepared.set(client, names);
        let failed: Error | undefined;
        try {
          const result = await client.query({
            name,
            text: sql,
            values: params,
            ...(options?.jsonAsText ? { types: JSON_AS_TEXT } : {}),
          });
          names.add(name);
          return result.rows;
        } catch (error) {
          // As pool.query does: a connection whose statement failed is not reused.
          failed = error as Error;
          throw error;
        } finally {
          client.release(failed ?? names.size >= maxPrepared);
        }
      }),
  };
}
