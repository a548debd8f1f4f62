import type { MigrationInterface, QueryRunner } from 'typeorm';
import { IMAGE_FILTER_COLUMNS, LIST_ORDER_INDEX } from '../deferred-indexes';

const BEFORE = 'provider, connection_name, os_family, os_architecture, os_platform, status, words';

/**
 * Each image keeps a mask of its words (see word-mask.ts), in the list-order indexes beside them, so that a keyword
 * walk passes over most entries that cannot match with one AND instead of comparing words. Images stored before keep
 * every bit set (-1): they pass every mask test and their words decide, as before; a sync that rewrites them
 * gives them their mask. Adding the column writes no row; the two indexes are built again.
 */
export class ImageWordMask1768000000007 implements MigrationInterface {
  name = 'ImageWordMask1768000000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE image ADD COLUMN word_mask bigint NOT NULL DEFAULT -1`);
    await rebuild(q, IMAGE_FILTER_COLUMNS, LIST_ORDER_INDEX);
  }

  async down(q: QueryRunner): Promise<void> {
    await rebuild(
      q,
      BEFORE,
      `CREATE INDEX ix_image_order ON image (list_order, id) INCLUDE (region, ${BEFORE}) WHERE removed_at IS NULL`,
    );
    await q.query(`ALTER TABLE image DROP COLUMN word_mask`);
  }
}

async function rebuild(q: QueryRunner, filterColumns: string, listOrderIndex: string): Promise<void> {
  // A first load may have deferred the list-order index (deferred-indexes.ts): it stays deferred.
  const [{ deferred }] = await q.query(`SELECT to_regclass('ix_image_order') IS NULL AS deferred`);
  await q.query(`DROP INDEX IF EXISTS ix_image_order`);
  await q.query(`DROP INDEX IF EXISTS ix_image_region`);
  await q.query(`CREATE INDEX ix_image_region ON image (region, list_order, id) INCLUDE (${filterColumns})
    WHERE removed_at IS NULL`);
  if (!deferred) await q.query(listOrderIndex);
}
