import { decodeCursor, encodeCursor } from '../../domain/search/cursor';
import type { PriceQuery } from '../../domain/search/search-queries';
import type { SearchLimits, SearchPage } from '../../domain/search/search-results';
import { addKeyword } from './keyword-sql';
import { cappedFacets, cappedTotal } from './page';
import { SqlBuilder } from './sql-builder';
import type { SqlClient } from './sql-client';

const SORT = 'coalesce(price, 1e12)';

/** Prices cheapest first; `spec` matches the priced spec's name exactly, `q` searches spec names and descriptions. */
export async function searchPrices(
  ds: SqlClient,
  query: PriceQuery,
  limits: SearchLimits,
): Promise<SearchPage<object>> {
  const sql = new SqlBuilder().where('removed_at IS NULL');
  sql.equals('provider', query.provider).equals('region', query.region).equals('connection_name', query.connection);
  sql.equals('spec_name', query.spec).equalsIgnoreCase('product_family', query.productFamily);
  sql.equalsIgnoreCase('currency', query.currency).range('price', query.priceMin, query.priceMax);
  addKeyword(sql, `lower(coalesce(spec_name, '') || ' ' || coalesce(description, ''))`, query.q);

  const counted = await cappedTotal(ds, 'price', sql, limits.countCap, `${SORT}, id`);
  const facets = await cappedFacets(
    ds,
    'price',
    sql,
    { provider: 'provider', region: 'region' },
    query.facets,
    limits.countCap,
    `${SORT}, id`,
  );
  const after = query.cursor ? decodeCursor(query.cursor, 'price', ['number', 'string']) : undefined;
  if (after) sql.where(sql.after([SORT, 'id'], after));
  const rows = await ds.query(
    `SELECT id::text AS row_id, connection_name, provider, region, product_family, spec_name, price, currency, unit, doc,
            first_seen_at, updated_at, ${SORT} AS sort_value
     FROM price ${sql.whereClause()} ORDER BY ${SORT}, id LIMIT ${query.limit + 1}`,
    sql.params,
  );
  const more = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row: Record<string, any>) => {
      const { ProductFamily: _family, RegionName: _region, ...price } = row.doc;
      return {
        connectionName: row.connection_name,
        provider: row.provider,
        region: row.region,
        productFamily: row.product_family,
        specName: row.spec_name,
        price: row.price === null ? null : Number(row.price),
        currency: row.currency,
        unit: row.unit,
        ...price,
        firstSeenAt: row.first_seen_at.toISOString(),
        updatedAt: row.updated_at.toISOString(),
      };
    }),
    ...counted,
    ...(more ? { nextCursor: encodeCursor('price', [Number(last.sort_value), last.row_id]) } : {}),
    ...(facets ? { facets } : {}),
  };
}
