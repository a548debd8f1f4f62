import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An image's words are kept once each (the sync splits them, see imageWords): a third fewer entries in the covering
 * list-order indexes and fewer to test per index entry in a keyword walk. Existing rows are brought to the same
 * form, first occurrences in order; keyword matches do not change (they test overlap, never count).
 */
export class DistinctImageWords1768000000003 implements MigrationInterface {
  name = 'DistinctImageWords1768000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE image SET words = ARRAY(
        SELECT w FROM unnest(words) WITH ORDINALITY u(w, n) GROUP BY w ORDER BY min(n))
      WHERE cardinality(words) <> (SELECT count(DISTINCT w) FROM unnest(words) w)`);
  }

  async down(): Promise<void> {
    // Words listed once match exactly as words listed twice: nothing to undo.
  }
}
