import type { Facets } from '../../domain/search/search-results';
import type { SqlBuilder } from './sql-builder';
import type { SqlClient } from './sql-client';

/**
 * Counts stop at `cap` matches, taken in the listing's own order so that the plan is the listing's (an index
 * walk that stops early), never a scan of the table looking for rows that cluster elsewhere.: an exact total over a million rows for a broad keyword would cost a full
 * scan per request. Past the cap, `total` is the cap and `totalExact` is false (like "10,000+").
 */
export async function cappedTotal(
  ds: SqlClient,
  from: string,
  sql: SqlBuilder,
  cap: number,
  order: string,
): Promise<{ total: number; totalExact: boolean }> {
  const [{ n }] = await ds.query(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${from} ${sql.whereClause()} ORDER BY ${order} LIMIT ${cap + 1}) capped`,
    sql.params,
  );
  return { total: Math.min(n, cap), totalExact: n <= cap };
}

/**
 * The facet counts as one jsonb expression over a CTE holding the matches in listing order (`ordered` = its order):
 * per asked facet, counts per value of the first `cap` matches, largest first, at most 100 values. Lets a first page
 * count facets in the same statement (and the same index walk) as its total.
 */
export function facetsJsonSql(
  matched: string,
  columns: Record<string, string>,
  asked: string[],
  cap: number,
  ordered: string,
): string {
  const facet = (
    name: string,
  ) => `'${name}', (SELECT coalesce(jsonb_agg(jsonb_build_object('value', coalesce(value, ''),
      'count', count) ORDER BY count DESC, value), '[]') FROM (SELECT value, count(*)::int AS count FROM
      (SELECT ${columns[name]} AS value FROM ${matched} ORDER BY ${ordered} LIMIT ${cap}) capped
      GROUP BY value ORDER BY count DESC, value LIMIT 100) counted)`;
  return `jsonb_build_object(${asked.map(facet).join(', ')})`;
}

/** Counts per value of each asked facet over the (capped) matching set: the first `cap` matches in listing order. */
export async function cappedFacets(
  ds: SqlClient,
  from: string,
  sql: SqlBuilder,
  columns: Record<string, string>,
  asked: string[] | undefined,
  cap: number,
  order: string,
): Promise<Facets | undefined> {
  if (!asked?.length) return undefined;
  const facets: Facets = {};
  for (const name of asked) {
    const rows: { value: string | null; count: number }[] = await ds.query(
      `SELECT value, count(*)::int AS count FROM
         (SELECT ${columns[name]} AS value FROM ${from} ${sql.whereClause()} ORDER BY ${order} LIMIT ${cap}) capped
       GROUP BY value ORDER BY count DESC, value LIMIT 100`,
      sql.params,
    );
    facets[name] = rows.map((row) => ({ value: row.value ?? '', count: row.count }));
  }
  return facets;
}

/**
 * A page and its capped total in one round trip: the total counts the matches from the start (`where.total`), the
 * page starts after the cursor (`where.page`: the same conditions plus the cursor's). A first page (no cursor) is
 * one walk: the page is the head of the counted matches. `select` must name `row_id`. Answers the page's rows
 * (none when empty; json and jsonb columns as their text) and the capped total.
 */
export async function cappedPage(
  ds: SqlClient,
  from: string,
  params: unknown[],
  where: { total: string; page: string },
  select: string,
  order: string,
  cap: number,
  limit: number,
): Promise<{ rows: Record<string, any>[]; total: number; totalExact: boolean }> {
  const numbered = `${select}, row_number() OVER (ORDER BY ${order}) AS page_position`;
  const sql =
    where.total === where.page
      ? `WITH matched AS (SELECT ${numbered} FROM ${from} ${where.page} ORDER BY ${order} LIMIT ${Math.max(cap, limit) + 1})
         SELECT (SELECT least(count(*), ${cap + 1})::int FROM matched) AS capped_total, page.* FROM (SELECT) one
         LEFT JOIN (SELECT * FROM matched WHERE page_position <= ${limit + 1}) page ON true
         ORDER BY page.page_position`
      : `WITH counted AS (
           SELECT count(*)::int AS capped_total FROM (SELECT FROM ${from} ${where.total} ORDER BY ${order} LIMIT ${cap + 1}) c
         )
         SELECT counted.capped_total, page.* FROM counted
         LEFT JOIN LATERAL (SELECT ${numbered} FROM ${from} ${where.page} ORDER BY ${order} LIMIT ${limit + 1}) page ON true
         ORDER BY page.page_position`;
  const result: Record<string, any>[] = await ds.query(sql, params, { jsonAsText: true });
  const n = result[0].capped_total as number;
  return { rows: result.filter((row) => row.row_id !== null), total: Math.min(n, cap), totalExact: n <= cap };
}
