import { Client, type Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { createMcMetaDataSource } from '../src/store/data-source';
import { REFRESH_IMAGE_COUNTS } from '../src/store/image-counts';
import { searchImages } from '../src/store/search/image-search';
import type { SqlClient } from '../src/store/search/sql-client';
import { WordExpander } from '../src/store/search/word-expander';
import { itemValue } from '../src/domain/search/json-text';
import { imageQuerySchema, parseQuery } from '../src/domain/search/search-queries';
import { imageKey, liveImageKeys, mockConnection, startHarness, syncAndWait, type Harness } from './harness';

const CAP = 100;
const LIMIT = 50;
const WANTED = CAP + 1;
const WALK_PER_MATCH = 8;
const WALK = WANTED * WALK_PER_MATCH;
const WALK_ON = WALK * 4;

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

/**
 * Index entries each executed scan of `index` read (returned, and passed over by its filter), from an EXPLAIN
 * ANALYZE plan.
 */
function scansOf(plan: PlanNode, index: string): number[] {
  const read = (plan['Actual Rows'] + (plan['Rows Removed by Filter'] ?? 0)) * plan['Actual Loops'];
  const own = plan['Index Name'] === index && plan['Actual Loops'] > 0 ? [read] : [];
  return [...own, ...(plan.Plans ?? []).flatMap((child) => scansOf(child, index))];
}

/** The executed scans of `table` (of any kind, through any index), by node type. */
function readsOf(plan: PlanNode, table: string): string[] {
  const own = plan['Relation Name'] === table && plan['Actual Loops'] > 0 ? [plan['Node Type']] : [];
  return [...own, ...(plan.Plans ?? []).flatMap((child) => readsOf(child, table))];
}

/**
 * A first page's matches of a keyword come one of three ways, chosen by what the first bounded list-order walk
 * found: that walk (a common word), a second, longer walk (a word the first walk found often enough that walking
 * on is cheaper than reading every match), or the GIN index (a rarer word). Each way answers what SQL answers, and
 * none walks the whole list-order index (which the planner, guessing a word it has no statistics for, would do).
 */
describe('how a first page finds its matches: walks, the GIN index, image counts', () => {
  let harness: Harness;
  let sql: Client;
  let ds: DataSource;
  let n: number;

  beforeAll(async () => {
    harness = await startHarness(
      [
        mockConnection('aws-ways', 'aws', 'ap-northeast-2', { ImagesPerRegion: '8000', Seed: 'ways' }),
        mockConnection('gcp-ways', 'gcp', 'asia-northeast3', { ImagesPerRegion: '6000', Seed: 'ways' }),
        mockConnection('azure-ways', 'azure', 'koreacentral', { ImagesPerRegion: '6000', Seed: 'ways' }),
      ],
      { MCMETA_COUNT_CAP: String(CAP), MCMETA_KEYWORD_WALK: String(WALK_PER_MATCH) },
    );
    expect((await syncAndWait(harness)).status).toBe('completed');
    sql = new Client(harness.db.url);
    await sql.connect();
    [{ n }] = (await sql.query(`SELECT count(*)::int AS n FROM image WHERE removed_at IS NULL`)).rows;
    ds = createMcMetaDataSource(harness.db.url, [], 1);
    await ds.initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    await sql?.end();
    await harness?.close();
  });

  /**
   * A word only itself expands to (a digit: never fuzzed; no other word contains it) that matches `k` of the first
   * walk's entries, `k` in [min, max].
   */
  async function wordWithWalkMatches(min: number, max: number): Promise<{ word: string; k: number }> {
    const { rows } = await sql.query(
      `WITH walk AS (SELECT words FROM image WHERE removed_at IS NULL ORDER BY list_order, id LIMIT ${WALK}),
       walked AS (SELECT word, count(*)::int AS k FROM walk, unnest(words) word GROUP BY word),
       candidates AS (SELECT w.word, coalesce(walked.k, 0) AS k FROM search_word w LEFT JOIN walked USING (word)
                      WHERE w.word ~ '[0-9]' AND coalesce(walked.k, 0) BETWEEN $1 AND $2 ORDER BY k DESC, w.word)
       SELECT * FROM candidates c
       WHERE NOT EXISTS (SELECT 1 FROM search_word o WHERE o.word <> c.word AND o.word LIKE '%' || c.word || '%')
       LIMIT 1`,
      [min, max],
    );
    expect(rows).toHaveLength(1);
    return rows[0];
  }

  /** The search run directly on the store, each statement's EXPLAIN ANALYZE kept. */
  async function searchExplained(q: string, filters: Record<string, string> = {}) {
    const pool = (ds.driver as unknown as { master: Pool }).master;
    const plans: PlanNode[] = [];
    const client: SqlClient = {
      query: async (text, params) => {
        const explained = await pool.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${text}`, params);
        plans.push(explained.rows[0]['QUERY PLAN'][0].Plan);
        return (await pool.query(text, params)).rows;
      },
    };
    const page = await searchImages(
      client,
      parseQuery(imageQuerySchema, { ...(q ? { q } : {}), ...filters, limit: String(LIMIT) }),
      { countCap: CAP, concurrency: 1, walkPerMatch: WALK_PER_MATCH },
      new WordExpander(ds),
    );
    const walks = plans.flatMap((plan) => scansOf(plan, 'ix_image_order'));
    const indexed = plans.flatMap((plan) => scansOf(plan, 'ix_image_words'));
    const imageReads = plans.flatMap((plan) => readsOf(plan, 'image'));
    return { page, walks, indexed, imageReads };
  }

  const keysOf = (page: { items: object[] }) => page.items.map((item) => imageKey(itemValue(item)));

  it('a common word is found along the first walk', async () => {
    const { word } = await wordWithWalkMatches(WANTED, WALK);
    const { page, walks, indexed } = await searchExplained(word);
    expect(walks.length).toBeGreaterThan(0);
    expect(walks.every((entries) => entries <= WALK)).toBe(true);
    expect(indexed).toEqual([]);
    const expected = await liveImageKeys(sql, `words && ARRAY[$1]`, [word]);
    expect(keysOf(page)).toEqual(expected.slice(0, LIMIT));
  });

  it('a word the first walk finds often, but too few times, is found along a second walk from its last match', async () => {
    // Walking on costs about WANTED·WALK/k entries, the GIN read about k·n/WALK rows: the walk is cheaper past this k.
    const threshold = WALK * Math.sqrt(WANTED / n);
    const { word, k } = await wordWithWalkMatches(Math.floor(threshold) + 1, WANTED - 1);
    const { page, walks, indexed } = await searchExplained(word);
    // Where the k-th and the WANTED-th matches stand in list order among the live images.
    const { rows } = await sql.query(
      `WITH listed AS (SELECT row_number() OVER (ORDER BY list_order, id)::int AS position, words FROM image
                       WHERE removed_at IS NULL),
       hits AS (SELECT position, row_number() OVER (ORDER BY position)::int AS nth FROM listed WHERE words && ARRAY[$1])
       SELECT (SELECT position FROM hits WHERE nth = $2) AS last_walked, (SELECT position FROM hits WHERE nth = $3) AS wanted`,
      [word, k, WANTED],
    );
    const [{ last_walked: lastWalked, wanted }] = rows;
    // The first walk read all its entries; the second read those after its last match, up to the one wanted.
    expect(walks).toEqual([WALK, wanted - lastWalked]);
    expect(wanted - lastWalked).toBeLessThanOrEqual(WALK_ON);
    expect(indexed).toEqual([]);
    const expected = await liveImageKeys(sql, `words && ARRAY[$1]`, [word]);
    expect(keysOf(page)).toEqual(expected.slice(0, LIMIT));
    expect({ total: page.total, exact: page.totalExact }).toEqual(
      expected.length > CAP ? { total: expect.any(Number), exact: false } : { total: expected.length, exact: true },
    );
  });

  it('a rare word is read through the GIN index, with no walk past the first', async () => {
    const { word } = await wordWithWalkMatches(0, 1);
    const { page, walks, indexed } = await searchExplained(word);
    expect(indexed.length).toBeGreaterThan(0);
    expect(walks.every((entries) => entries <= WALK)).toBe(true);
    const expected = await liveImageKeys(sql, `words && ARRAY[$1]`, [word]);
    expect(expected.length).toBeGreaterThan(0);
    expect(keysOf(page)).toEqual(expected.slice(0, LIMIT));
    expect({ total: page.total, exact: page.totalExact }).toEqual({ total: expected.length, exact: true });
  });

  it('filters no image passes: the exact total 0, and the images not read at all', async () => {
    const { page, imageReads } = await searchExplained('', { os: 'no-such-os', arch: 'x86_64' });
    expect(page).toEqual({ items: [], total: 0, totalExact: true });
    expect(imageReads).toEqual([]);
  });

  it('filters few images pass: the walk stops at their last match', async () => {
    const { rows } = await sql.query(
      `SELECT os_family, os_architecture, status, sum(n)::int AS n FROM image_count
       GROUP BY 1, 2, 3 HAVING sum(n) BETWEEN 1 AND ${LIMIT - 1} ORDER BY n, 1, 2, 3 LIMIT 1`,
    );
    expect(rows).toHaveLength(1);
    const [{ os_family: os, os_architecture: arch, status, n: few }] = rows;
    const { page, walks } = await searchExplained('', { os, arch, status });
    const expected = await liveImageKeys(sql, `os_family = $1 AND os_architecture = $2 AND status = $3`, [
      os,
      arch,
      status,
    ]);
    expect(expected).toHaveLength(few);
    expect(keysOf(page)).toEqual(expected);
    expect({ total: page.total, exact: page.totalExact, more: page.nextCursor }).toEqual({
      total: few,
      exact: true,
      more: undefined,
    });
    // One walk, which ended at the last match: it read the index entries up to it and none after.
    const { rows: upToLast } = await sql.query(
      `SELECT count(*)::int AS n FROM image WHERE removed_at IS NULL AND (list_order, id) <=
         (SELECT list_order, id FROM image WHERE removed_at IS NULL AND connection_name || '/' || record_key = $1)`,
      [expected[expected.length - 1]],
    );
    expect(walks).toEqual([upToLast[0].n]);
  });

  it("a task's image counts are counted from its connection's rows alone, never from a search index of all images", async () => {
    const connection = 'gcp-ways';
    const { rows: own } = await sql.query(`SELECT count(*)::int AS n FROM image WHERE connection_name = $1`, [
      connection,
    ]);
    await sql.query('BEGIN');
    try {
      // No statistics, as on a first load before any ANALYZE: the planner then guesses `removed_at IS NULL` true
      // of 0.5 % of the rows, and the old statement walked a whole list-order index (it holds only live images).
      await sql.query(`DELETE FROM pg_statistic WHERE starelid = 'image'::regclass`);
      await sql.query(REFRESH_IMAGE_COUNTS[0], [connection]);
      const { rows } = await sql.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${REFRESH_IMAGE_COUNTS[1]}`, [connection]);
      const plan: PlanNode = rows[0]['QUERY PLAN'][0].Plan;
      expect(scansOf(plan, 'ix_image_region')).toEqual([]);
      expect(scansOf(plan, 'ix_image_order')).toEqual([]);
      expect(scansOf(plan, 'uq_image_record')).toEqual([own[0].n]);
      const { rows: counted } = await sql.query(`SELECT sum(n)::int AS n FROM image_count WHERE connection_name = $1`, [
        connection,
      ]);
      const { rows: live } = await sql.query(
        `SELECT count(*)::int AS n FROM image WHERE connection_name = $1 AND removed_at IS NULL`,
        [connection],
      );
      expect(counted[0].n).toBe(live[0].n);
    } finally {
      await sql.query('ROLLBACK');
    }
  });
});
