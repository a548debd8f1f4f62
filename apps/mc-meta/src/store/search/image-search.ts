import { InvalidArgumentError } from '@cb/errors';
import { decodeCursor, encodeCursor } from '../../domain/search/cursor';
import { splicedJson, type JsonText } from '../../domain/search/json-text';
import type { ImageQuery } from '../../domain/search/search-queries';
import { estimateTotal, scaleFacets } from '../../domain/search/total-estimate';
import type { Facets, SearchLimits, SearchPage } from '../../domain/search/search-results';
import { exactCountsSql } from '../image-counts';
import { addWordKeyword, keywordTokens } from './keyword-sql';
import { facetsJsonSql } from './page';
import { isoTime, SqlBuilder } from './sql-builder';
import type { WordExpander } from './word-expander';
import type { SqlClient } from './sql-client';

/**
 * An image as answered: connectionName, provider, region and osFamily, then spider's ImageInfo fields (IId, Name,
 * OSArchitecture, ..., KeyValueList) as collected, then firstSeenAt and updatedAt; as JSON text.
 */
export type ImageItem = JsonText;

function imageItem(row: Record<string, string>): ImageItem {
  return splicedJson(
    { connectionName: row.connection_name, provider: row.provider, region: row.region, osFamily: row.os_family },
    row.doc,
    { firstSeenAt: row.first_seen_at, updatedAt: row.updated_at },
  );
}

const FACETS = {
  provider: 'provider',
  region: 'region',
  os: 'os_family',
  arch: 'os_architecture',
  platform: 'os_platform',
  status: 'status',
};

/** A search's conditions, and parts of them over the same parameters. */
interface ImageConditions {
  sql: SqlBuilder;
  /** The WHERE clause of the filters alone, which image_count answers. */
  counted: string;
  /** The WHERE clause of the live images the filters select, without the keyword. */
  live: string;
  /** The keyword's conditions as a walk tests them, masks first (`true` without one). */
  keyword: string;
}

async function filters(query: ImageQuery, expander: WordExpander): Promise<ImageConditions> {
  const sql = new SqlBuilder();
  sql.equals('provider', query.provider).equals('region', query.region).equals('connection_name', query.connection);
  sql.equals('os_family', query.os).equals('os_architecture', query.arch);
  sql.equals('os_platform', query.platform).equals('status', query.status);
  const counted = sql.whereClause();
  sql.where('removed_at IS NULL');
  const live = sql.whereClause();
  const keyword = await addWordKeyword(sql, query.q, expander, 'words', 'word_mask');
  return { sql, counted, live, keyword };
}

/**
 * When that walk found too few, how far a second walk may go, in walks: it is taken only where the first one's
 * matches tell that walking on is cheaper than reading every match through the GIN index (see matchedSql).
 */
const WALK_ON_WALKS = 4;

const COLUMNS = `i.id::text AS row_id, i.list_order, i.connection_name, i.provider, i.region, i.os_family, i.doc::text AS doc,
  ${isoTime('i.first_seen_at')} AS first_seen_at, ${isoTime('i.updated_at')} AS updated_at`;

/**
 * CTEs ending in `matched`: the first `wanted` matches in list order (their ids, list orders and `columns`).
 *
 * They are looked for along the list-order walk of the live images the filters select first, for at most
 * `walkPerMatch` entries per match wanted: a keyword that common is found fastest so, whatever the planner
 * estimates for words that go together (`rocky 9`: it multiplies their frequencies and picks a bitmap scan that
 * visits every match's table row).
 *
 * When that walk found `k` < `wanted` of them in its `walk` entries and did not cover all `n` images the filters
 * select, the keyword's density is about k / walk: walking on would take about wanted·walk/k more entries, and
 * reading every match through the GIN index (then sorting them) about k·n/walk rows, so the cheaper of the two
 * runs. Never the planner's own choice: a rare word (an image id) has no statistics, the planner guesses it in
 * 0.5 % of the rows and walks the whole list-order index (1.2 M entries, close to a second) expecting its matches
 * along the way. The second walk goes on from the first walk's last match (so it reads again only the few entries
 * after it), and one that still comes short (it is bounded too) gives way to the GIN read, which is always complete.
 */
function matchedSql(where: ImageConditions, wanted: number, walkPerMatch: number, columns: string): string {
  const walk = wanted * walkPerMatch;
  const walkOn = walk * WALK_ON_WALKS;
  const walkOf = (limit: number, from: string, matches: string) =>
    `SELECT ${columns} FROM (SELECT ${columns}, words, word_mask FROM image ${where.live} AND ${from} ORDER BY list_order, id LIMIT ${limit}) w
      WHERE ${where.keyword} ORDER BY list_order, id LIMIT ${matches}`;
  const afterWalked = `(SELECT NOT walked AND walk_on FROM way)
        AND (list_order, id) > (SELECT list_order, id FROM walked ORDER BY list_order DESC, id DESC LIMIT 1)`;
  return `walked AS (
      ${walkOf(walk, 'true', `${wanted}`)}
    ), found AS (
      SELECT k, CASE WHEN k = ${wanted} THEN 0 ELSE (SELECT coalesce(sum(n), 0) FROM image_count ${where.counted}) END AS n
      FROM (SELECT count(*) AS k FROM walked) walked_count
    ), way AS (
      SELECT k = ${wanted} OR n <= ${walk} AS walked, k::float8 * k * n > ${wanted * walk * walk}::float8 AS walk_on FROM found
    ), walked_on AS (
      ${walkOf(walkOn, afterWalked, `(SELECT ${wanted} - k FROM found)`)}
    ), enough AS (
      SELECT walked, NOT walked AND walk_on AND ((SELECT k FROM found) + (SELECT count(*) FROM walked_on) >= ${wanted}
          OR (SELECT n FROM found) <= ${walkOn}) AS walked_on FROM way
    ), indexed AS MATERIALIZED (
      SELECT ${columns} FROM image ${where.sql.whereClause()} AND (SELECT NOT walked AND NOT walked_on FROM enough)
    ), matched AS (
      SELECT * FROM walked WHERE (SELECT walked OR walked_on FROM enough)
      UNION ALL
      SELECT * FROM walked_on WHERE (SELECT walked_on FROM enough)
      UNION ALL
      (SELECT * FROM indexed ORDER BY list_order, id LIMIT ${wanted})
    )`;
}

const facetColumnsOf = (facets: string[] | undefined) =>
  facets?.length ? [...new Set(facets.map((name) => FACETS[name as keyof typeof FACETS]))] : [];

/**
 * A first page in one statement: the first `cap` + 1 matches (ids and facet columns only, see matchedSql) give the
 * total (or, past the cap, where the last of them falls in list order, for an estimate) and the facet counts, and
 * the page is joined from the first of them. Later pages carry the total in their cursor and skip counting.
 */
function firstPageSql(
  where: ImageConditions,
  limits: SearchLimits,
  limit: number,
  facets: string[] | undefined,
): string {
  const cap = limits.countCap;
  const columns = ['id', 'list_order', ...facetColumnsOf(facets)].join(', ');
  const facetsJson = facets?.length ? facetsJsonSql('matched', FACETS, facets, cap, 'list_order, id') : 'NULL::jsonb';
  // A page larger than the cap still comes whole; the total counts no further than the cap.
  return `WITH ${matchedSql(where, Math.max(cap, limit) + 1, limits.walkPerMatch, columns)}
    , counted AS (SELECT count(*)::int AS total, max(list_order) AS last_order, ${facetsJson} AS facets FROM matched)
    SELECT counted.total, counted.last_order,
      CASE WHEN page.n IS NULL OR page.n = 1 THEN counted.facets END AS facets, ${COLUMNS}
    FROM counted
    LEFT JOIN LATERAL (SELECT id, row_number() OVER (ORDER BY list_order, id) AS n FROM matched
                       ORDER BY list_order, id LIMIT ${limit + 1}) page ON true
    LEFT JOIN image i ON i.id = page.id
    ORDER BY i.list_order, i.id`;
}

/** A later page's facets: counted over the first `cap` matches, found as a first page finds them. */
function laterPageFacetsSql(where: ImageConditions, limits: SearchLimits, facets: string[]): string {
  const columns = ['id', 'list_order', ...facetColumnsOf(facets)].join(', ');
  const cap = limits.countCap;
  return `WITH ${matchedSql(where, cap, limits.walkPerMatch, columns)}
    SELECT ${facetsJsonSql('matched', FACETS, facets, cap, 'list_order, id')} AS facets`;
}

/**
 * The ids of the first `limit` + 1 images `sql` selects in list order, walked in the list-order index alone: the
 * filter columns and words are in its entries (INCLUDE), so no table row is read for an entry that does not match,
 * and a walk past many of them (a filter few images pass) costs index entries, not table rows. `stopAfter`, an SQL
 * expression, ends the walk sooner: at the last match, when their number is known.
 */
function pageWalkSql(sql: SqlBuilder, limit: number, stopAfter?: string): string {
  const walk = `SELECT id, list_order FROM image ${sql.whereClause()} ORDER BY list_order, id LIMIT ${limit + 1}`;
  return stopAfter ? `SELECT id, list_order FROM (${walk}) walk LIMIT ${stopAfter}` : walk;
}

/**
 * A first page without a keyword: its exact total and facets come from image_count and its page from one walk, in
 * one statement (one snapshot). The walk stops at the total's last match, so a filter no image passes reads no index
 * entry at all and one few pass stops at its last instead of walking to the end of the index.
 */
function countedFirstPageSql(sql: SqlBuilder, counted: string, limit: number, facets: string[] | undefined): string {
  return `WITH counted AS (${exactCountsSql(counted, FACETS, facets)}),
    page AS (${pageWalkSql(sql, limit, `(SELECT least(total, ${limit + 1}) FROM counted)`)})
    SELECT counted.total,
      CASE WHEN row_number() OVER (ORDER BY page.list_order, page.id) = 1 THEN counted.facets END AS facets, ${COLUMNS}
    FROM counted
    LEFT JOIN page ON true
    LEFT JOIN image i ON i.id = page.id
    ORDER BY page.list_order, page.id`;
}

function nextPageSql(sql: SqlBuilder, limit: number): string {
  return `SELECT ${COLUMNS} FROM (${pageWalkSql(sql, limit)}) page JOIN image i ON i.id = page.id
    ORDER BY page.list_order, page.id`;
}

/** Images in list order: filters narrow, the keyword matches words, the cursor resumes after the last one listed. */
export async function searchImages(
  ds: SqlClient,
  query: ImageQuery,
  limits: SearchLimits,
  expander: WordExpander,
): Promise<SearchPage<ImageItem>> {
  const where = await filters(query, expander);
  const { sql } = where;
  // Without a keyword, every condition is one image_count answers exactly.
  const byImageCount = keywordTokens(query.q).length === 0;
  const cap = limits.countCap;
  let facets: Facets | undefined;
  const after = query.cursor ? decodeCursor(query.cursor, 'list', ['number', 'string', 'number', 'number']) : undefined;
  let counted: { total: number; totalExact: boolean };
  let rows: Record<string, any>[];
  if (after) {
    const [listOrder, id, total, exact] = after as [number, string, number, number];
    if (!Number.isInteger(listOrder) || !/^\d{1,18}$/.test(id) || !Number.isInteger(total) || total < 0) {
      throw new InvalidArgumentError('cursor: is not a cursor this API returned', { field: 'cursor' });
    }
    counted = { total, totalExact: exact === 1 };
    // Facets count the matches from the start, whatever page this is.
    if (query.facets?.length && byImageCount) {
      [{ facets }] = await ds.query(exactCountsSql(where.counted, FACETS, query.facets), sql.params);
    } else if (query.facets?.length) {
      [{ facets }] = await ds.query(laterPageFacetsSql(where, limits, query.facets), sql.params);
      if (!counted.totalExact) facets = scaleFacets(facets!, cap, total);
    }
    sql.where(`(list_order, id) > (${sql.param(listOrder)}::integer, ${sql.param(id)}::bigint)`);
    // The keyword as a walk tests it too: its masks are parameters the statement must name. Its plain tests stay,
    // for the GIN index to serve where the planner chooses it.
    if (where.keyword !== 'true') sql.where(where.keyword);
    rows = await ds.query(nextPageSql(sql, query.limit), sql.params);
  } else {
    const result: Record<string, any>[] = await ds.query(
      byImageCount
        ? countedFirstPageSql(sql, where.counted, query.limit, query.facets)
        : firstPageSql(where, limits, query.limit, query.facets),
      sql.params,
    );
    const [{ total: found, last_order: lastOrder }] = result;
    if (query.facets?.length) facets = result[0].facets;
    if (byImageCount || found <= cap) counted = { total: found, totalExact: true };
    else {
      counted = { total: estimateTotal(found, lastOrder), totalExact: false };
      if (facets) facets = scaleFacets(facets, cap, counted.total);
    }
    rows = result.filter((row) => row.row_id !== null);
  }
  const more = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(imageItem),
    ...counted,
    ...(more
      ? {
          nextCursor: encodeCursor('list', [last.list_order, last.row_id, counted.total, counted.totalExact ? 1 : 0]),
        }
      : {}),
    ...(facets ? { facets } : {}),
  };
}
