import type { Client } from 'pg';
import { wordMask } from '../src/store/word-mask';
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

/**
 * A keyword walk tests each index entry's word mask before its words. The sync stores every image's mask of its
 * words; images stored before masks were kept (every bit set) are found as any other; and the walk does consult the
 * mask (an entry whose mask lacks the word's bit is passed over).
 */
describe('word masks', () => {
  let harness: Harness;
  let sql: Client;

  beforeAll(async () => {
    ({ harness, sql } = await startSyncedHarness(
      [
        mockConnection('aws-mask', 'aws', 'ap-northeast-2', { ImagesPerRegion: '1500', Seed: 'mask' }),
        mockConnection('gcp-mask', 'gcp', 'asia-northeast3', { ImagesPerRegion: '1200', Seed: 'mask' }),
      ],
      { MCMETA_COUNT_CAP: String(CAP) },
    ));
  });

  afterAll(async () => {
    await sql?.end();
    await harness?.close();
  });

  it("stores each image's mask of its words", async () => {
    const { rows } = await sql.query(`SELECT words, word_mask::text AS mask FROM image`);
    expect(rows.length).toBe(2_700);
    const wrong = rows.filter((row) => row.mask !== String(wordMask(row.words)));
    expect(wrong).toEqual([]);
  });

  it('finds images stored without a mask as the others: every page of a common and of a rare word', async () => {
    // Every other image as stored before masks were kept.
    await sql.query(`UPDATE image SET word_mask = -1 WHERE id % 2 = 0`);
    await sql.query(`VACUUM image`);
    // A word only itself stands for, in fewer images than a first page wants.
    const rare = await wordOnlyItself(sql, `count(*) BETWEEN 20 AND ${CAP}`);
    for (const word of ['x86', rare]) {
      const expected = await liveImageKeys(sql, `words && ARRAY[$1]`, [word]);
      const { keys } = await everyPage(harness, `/images?q=${encodeURIComponent(word)}`, imageKey);
      expect(keys).toEqual(expected);
    }
  });

  it("passes over, along a walk, an entry whose mask lacks the word's bit", async () => {
    // A common word only itself stands for.
    const word = await wordOnlyItself(sql, `count(*) > ${CAP + 25}`);
    const expected = await liveImageKeys(sql, `words && ARRAY[$1]`, [word]);
    const hidden = expected.slice(0, 5);
    await sql.query(`UPDATE image SET word_mask = 0 WHERE connection_name || '/' || record_key = ANY($1)`, [hidden]);
    try {
      const { body } = await harness.get(`/images?q=${encodeURIComponent(word)}&limit=20`);
      expect(body.totalExact).toBe(false); // found along the walk, not through the GIN index
      expect(body.items.map(imageKey)).toEqual(expected.slice(5, 25));
    } finally {
      await sql.query(`UPDATE image SET word_mask = -1 WHERE connection_name || '/' || record_key = ANY($1)`, [hidden]);
    }
  });
});
