import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Drivers, their immutable versions, and the download log (kept when a version is deleted, for statistics). */
export class HubTables1764100000000 implements MigrationInterface {
  name = 'HubTables1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE hub_drivers (
        name text PRIMARY KEY,
        provider text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE hub_driver_versions (
        name text NOT NULL REFERENCES hub_drivers (name) ON DELETE CASCADE,
        version text NOT NULL,
        manifest jsonb NOT NULL,
        sha256 char(64) NOT NULL,
        size bigint NOT NULL CHECK (size > 0),
        storage_key text NOT NULL,
        intact boolean NOT NULL DEFAULT true,
        published_at timestamptz NOT NULL DEFAULT now(),
        published_by text NOT NULL,
        PRIMARY KEY (name, version)
      )`);
    await queryRunner.query(`
      CREATE TABLE hub_download_logs (
        id bigserial PRIMARY KEY,
        name text NOT NULL,
        version text NOT NULL,
        who text NOT NULL,
        client text NOT NULL,
        channel text NOT NULL,
        downloaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX hub_download_logs_name_idx ON hub_download_logs (name, downloaded_at)');
    await queryRunner.query('CREATE INDEX hub_download_logs_day_idx ON hub_download_logs (downloaded_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE hub_download_logs');
    await queryRunner.query('DROP TABLE hub_driver_versions');
    await queryRunner.query('DROP TABLE hub_drivers');
  }
}
