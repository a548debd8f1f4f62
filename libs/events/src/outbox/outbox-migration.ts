import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Creates outbox_events; every service that publishes lists this class among its migrations. */
export class CreateOutboxEvents1767225600000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox_events (
        id uuid PRIMARY KEY,
        subject text NOT NULL,
        payload bytea NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        published_at timestamptz,
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        next_attempt_at timestamptz
      )`);
    await queryRunner.query(
      'CREATE INDEX ix_outbox_events_pending ON outbox_events (created_at) WHERE published_at IS NULL',
    );
    await queryRunner.query(
      'CREATE INDEX ix_outbox_events_published ON outbox_events (published_at) WHERE published_at IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE outbox_events');
  }
}
