import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The indexes as this migration made them (ImageWordMask adds the word mask to both). */
const FILTER_COLUMNS = 'provider, connection_name, os_family, os_architecture, os_platform, status, words';
const LIST_ORDER_INDEX = `CREATE INDEX IF NOT EXISTS ix_image_order ON image (list_order, id)
  INCLUDE (region, ${FILTER_COLUMNS}) WHERE removed_at IS NULL`;

/**
 * Image searches walk the list-order indexes and test each entry against the filters until a page and the capped
 * total are found (thousands of entries for a broad keyword). With the filter columns in the index the walk never
 * visits the table (an index-only scan, once VACUUM has marked the pages all-visible after a sync): measured on
 * 1.2 M images, the query mix's PostgreSQL CPU fell by about a third. Only the page's rows are read from the table.
 */
export class SearchIndexes1768000000000 implements MigrationInterface {
  name = 'SearchIndexes1768000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_image_order`);
    await q.query(`DROP INDEX IF EXISTS ix_image_region`);
    await q.query(LIST_ORDER_INDEX);
    await q.query(`CREATE INDEX ix_image_region ON image (region, list_order, id) INCLUDE (${FILTER_COLUMNS})
      WHERE removed_at IS NULL`);
    // A spec's price is its cheapest live on-demand price: the first entry of its (connection, spec) range here.
    await q.query(`CREATE INDEX ix_price_cheapest ON price (connection_name, spec_name, price) INCLUDE (currency, unit)
      WHERE removed_at IS NULL AND price IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_price_cheapest`);
    await q.query(`DROP INDEX IF EXISTS ix_image_order`);
    await q.query(`DROP INDEX IF EXISTS ix_image_region`);
    await q.query(`CREATE INDEX ix_image_order ON image (list_order, id) WHERE removed_at IS NULL`);
    await q.query(`CREATE INDEX ix_image_region ON image (region, list_order, id) WHERE removed_at IS NULL`);
  }
}
