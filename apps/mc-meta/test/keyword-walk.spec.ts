import type { Client } from 'pg';
import {
  everyPage,
  imageKey,
  liveImageKeys,
  mockConnection,
  startSyncedHarness,
  wordOnlyItself,
  type Harness,
} from './harness';

const CAP = 100;
/** The list-order walk a first page tries before searching as the planner sees fit (image-search.ts). */
const WALK = (CAP + 1) * 32;

/**
 * A keyword's first matches are looked for along a bounded list-order walk, and searched as the planner sees fit
 * only when the walk did not find enough: both ways answer the same pages and totals as SQL on the same data.
 */
describe('keyword searches, found along the walk or past it', () => {
  let harness: Harness;
  let sql: Client;

  beforeAll(async () => {
    ({ harness, sql } = await startSyncedHarness(
      [
        mockConnection('aws-walk', 'aws', 'ap-northeast-2', { ImagesPerRegion: '1500', Seed: 'walk' }),
        mockConnection('gcp-walk', 'gcp', 'asia-northeast3', { ImagesPerRegion: '1200', Seed: 'walk' }),
        mockConnection('azure-walk', 'azure', 'koreacentral', { ImagesPerRegion: '1000', Seed: 'walk' }),
      ],
      { MCMETA_COUNT_CAP: String(CAP) },
    ));
    const [{ n }] = (await sql.query(`SELECT count(*)::int AS n FROM image WHERE removed_at IS NULL`)).rows;
    expect(n).toBeGreaterThan(WALK);
  });

  afterAll(async () => {
    await sql?.end();
    await harness?.close();
  });

  it('a rare word, past the walk: every page and the exact total as SQL answers them', async () => {
    // In fewer images than a first page wants.
    const word = await wordOnlyItself(sql, `count(*) BETWEEN 20 AND ${CAP}`);
    const expected = await liveImageKeys(sql, `words && ARRAY[$1]`, [word]);
    const result = await everyPage(harness, `/images?q=${encodeURIComponent(word)}`, imageKey);
    expect(result).toEqual({ keys: expected, total: expected.length, totalExact: true });
  });

  it('a common word, along the walk: the same first matches, and an estimated total near the true one', async () => {
    const expected = await liveImageKeys(sql, `words && '{x86}'`);
    expect(expected.length).toBeGreaterThan(CAP);
    const { keys } = await everyPage(harness, '/images?q=x86', imageKey);
    expect(keys).toEqual(expected);
    const { body } = await harness.get('/images?q=x86&limit=20');
    expect(body.items.map(imageKey)).toEqual(expected.slice(0, 20));
    expect(body.totalExact).toBe(false);
    expect(Math.abs(body.total - expected.length) / expected.length).toBeLessThan(0.3);
  });

  it("a later page's facets are the first page's: the same first matches, scaled to the same total", async () => {
    const { body: first } = await harness.get('/images?q=x86&limit=20&facets=provider,os');
    expect(first.totalExact).toBe(false);
    const { body: later } = await harness.get(`/images?q=x86&limit=20&facets=provider,os&cursor=${first.nextCursor}`);
    expect(later.facets).toEqual(first.facets);
    expect(first.facets.provider.length).toBe(3);
  });

  it('a common word within a filter: the same as SQL', async () => {
    const expected = await liveImageKeys(sql, `provider = 'aws' AND words && '{x86}'`);
    const { keys } = await everyPage(harness, '/images?q=x86&provider=aws', imageKey);
    expect(keys).toEqual(expected);
  });
});
