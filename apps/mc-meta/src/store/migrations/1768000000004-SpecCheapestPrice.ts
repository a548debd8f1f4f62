import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REFRESH_SPEC_PRICES } from '../spec-prices';

/**
 * A spec carries its cheapest live on-demand price (kept by the sync, see spec-prices.ts), so a spec search sorted
 * or capped by price is one ordered walk of the spec table instead of a probe of the price table per matching spec.
 */
export class SpecCheapestPrice1768000000004 implements MigrationInterface {
  name = 'SpecCheapestPrice1768000000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE spec ADD COLUMN price_per_hour numeric, ADD COLUMN currency text, ADD COLUMN unit text`);
    const connections: { connection_name: string }[] = await q.query(`SELECT DISTINCT connection_name FROM spec`);
    for (const { connection_name } of connections) await q.query(REFRESH_SPEC_PRICES, [connection_name]);
    await q.query(`CREATE INDEX ix_spec_price ON spec ((coalesce(price_per_hour, 1e12)), id) WHERE removed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_spec_price`);
    await q.query(`ALTER TABLE spec DROP COLUMN price_per_hour, DROP COLUMN currency, DROP COLUMN unit`);
  }
}
