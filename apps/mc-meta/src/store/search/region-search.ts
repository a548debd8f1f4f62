import { decodeCursor, encodeCursor } from '../../domain/search/cursor';
import type { RegionQuery } from '../../domain/search/search-queries';
import type { SearchLimits, SearchPage } from '../../domain/search/search-results';
import { addKeyword } from './keyword-sql';
import { cappedTotal } from './page';
import { SqlBuilder } from './sql-builder';
import type { SqlClient } from './sql-client';

/** One row per (provider, region): every connection of a cloud lists the same regions, newest record wins. */
const REGIONS = `(SELECT DISTINCT ON (provider, name) provider, name, display_name, csp_display_name, latitude,
    longitude, zones, doc, updated_at, lower(concat_ws(' ', name, display_name, csp_display_name)) AS search_text
  FROM region WHERE removed_at IS NULL ORDER BY provider, name, updated_at DESC) regions`;

export async function searchRegions(
  ds: SqlClient,
  query: RegionQuery,
  limits: SearchLimits,
): Promise<SearchPage<object>> {
  const sql = new SqlBuilder();
  sql.equals('provider', query.provider);
  addKeyword(sql, 'search_text', query.q);
  const counted = await cappedTotal(ds, REGIONS, sql, limits.countCap, 'provider, name');
  const after = query.cursor ? decodeCursor(query.cursor, 'region', ['string', 'string']) : undefined;
  if (after) sql.where(sql.after(['provider', 'name'], after));
  const rows = await ds.query(
    `SELECT * FROM ${REGIONS} ${sql.whereClause()} ORDER BY provider, name LIMIT ${query.limit + 1}`,
    sql.params,
  );
  const more = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row: Record<string, any>) => ({
      provider: row.provider,
      latitude: row.latitude,
      longitude: row.longitude,
      ...row.doc,
      updatedAt: row.updated_at.toISOString(),
    })),
    ...counted,
    ...(more ? { nextCursor: encodeCursor('region', [last.provider, last.name]) } : {}),
  };
}
