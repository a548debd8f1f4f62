import { decodeCursor, encodeCursor } from '../../domain/search/cursor';
import { splicedJson, type JsonText } from '../../domain/search/json-text';
import type { SpecQuery } from '../../domain/search/search-queries';
import type { SearchLimits, SearchPage } from '../../domain/search/search-results';
import { addKeyword } from './keyword-sql';
import { cappedFacets, cappedPage } from './page';
import { SqlBuilder } from './sql-builder';
import type { SqlClient } from './sql-client';

/** Live specs; each row carries its cheapest live on-demand price (kept by the sync, see spec-prices.ts). */
const LIVE_SPECS = `(SELECT * FROM spec WHERE removed_at IS NULL) specs`;

/** Sort key per order; NULLs sort last through a sentinel so keyset comparisons stay plain. */
const FACETS = { provider: 'provider', region: 'region' };

const SORT_KEYS: Record<SpecQuery['sort'], { column: string; type: 'string' | 'number' }> = {
  name: { column: 'name', type: 'string' },
  price: { column: `coalesce(price_per_hour, 1e12)`, type: 'number' },
  vcpu: { column: 'coalesce(vcpu, 2147483647)', type: 'number' },
  mem: { column: `coalesce(mem_gib, 1e12)`, type: 'number' },
};

export async function searchSpecs(
  ds: SqlClient,
  query: SpecQuery,
  limits: SearchLimits,
): Promise<SearchPage<JsonText>> {
  const sql = new SqlBuilder();
  sql.equals('provider', query.provider).equals('region', query.region).equals('connection_name', query.connection);
  sql.range('vcpu', query.vcpuMin, query.vcpuMax).range('mem_gib', query.memMin, query.memMax);
  sql.range('price_per_hour', undefined, query.priceMax);
  if (query.gpu !== undefined) sql.where(query.gpu ? 'gpu_count > 0' : 'gpu_count = 0');
  sql.equalsIgnoreCase('gpu_model', query.gpuModel);
  addKeyword(sql, 'search_text', query.q);

  const key = SORT_KEYS[query.sort];
  const order = `${key.column}, id`;
  const facets = await cappedFacets(ds, LIVE_SPECS, sql, FACETS, query.facets, limits.countCap, order);
  const totalWhere = sql.whereClause();
  const after = query.cursor ? decodeCursor(query.cursor, query.sort, [key.type, 'string']) : undefined;
  if (after) sql.where(sql.after([key.column, 'id'], after));
  const { rows, ...counted } = await cappedPage(
    ds,
    LIVE_SPECS,
    sql.params,
    { total: totalWhere, page: sql.whereClause() },
    `id::text AS row_id, connection_name, provider, region, vcpu, mem_gib, gpu_count, price_per_hour, currency, unit,
     doc, first_seen_at, updated_at, ${key.column} AS sort_value`,
    order,
    limits.countCap,
    query.limit,
  );
  const more = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row: Record<string, any>) =>
      splicedJson(
        {
          connectionName: row.connection_name,
          provider: row.provider,
          region: row.region,
          vcpu: row.vcpu,
          memGiB: row.mem_gib,
          gpuCount: row.gpu_count,
          pricePerHour: row.price_per_hour === null ? null : Number(row.price_per_hour),
          currency: row.currency,
        },
        row.doc,
        { firstSeenAt: row.first_seen_at.toISOString(), updatedAt: row.updated_at.toISOString() },
      ),
    ),
    ...counted,
    ...(more
      ? {
          nextCursor: encodeCursor(query.sort, [
            key.type === 'number' ? Number(last.sort_value) : last.sort_value,
            last.row_id,
          ]),
        }
      : {}),
    ...(facets ? { facets } : {}),
  };
}
