import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REFRESH_IMAGE_COUNTS } from '../image-counts';

/**
 * Live images counted per connection and filter values (see image-counts.ts), so searches without a keyword answer
 * exact totals and facets, and the daily snapshot counts a few thousand rows instead of every image.
 */
export class ImageCounts1768000000005 implements MigrationInterface {
  name = 'ImageCounts1768000000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE image_count (
      connection_name text NOT NULL, provider text NOT NULL, region text NOT NULL, os_family text NOT NULL,
      os_architecture text NOT NULL, os_platform text NOT NULL, status text NOT NULL, n integer NOT NULL)`);
    await q.query(`CREATE INDEX ix_image_count_connection ON image_count (connection_name)`);
    const connections: { connection_name: string }[] = await q.query(`SELECT DISTINCT connection_name FROM image`);
    for (const { connection_name } of connections) {
      for (const statement of REFRESH_IMAGE_COUNTS) await q.query(statement, [connection_name]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS image_count`);
  }
}
