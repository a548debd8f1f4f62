import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The connection-info tables. Resource tables (spider's other migrations) come after and may reference these. */
export class CimTables1700000000000 implements MigrationInterface {
  name = 'CimTables1700000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE cloud_driver_infos (
        driver_name text PRIMARY KEY,
        provider_name text NOT NULL,
        driver_lib_file_name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE credential_infos (
        credential_name text PRIMARY KEY,
        provider_name text NOT NULL,
        key_value_info_list jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE region_infos (
        region_name text PRIMARY KEY,
        provider_name text NOT NULL,
        key_value_info_list jsonb NOT NULL,
        available_zone_list jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE connection_config_infos (
        config_name text PRIMARY KEY,
        provider_name text NOT NULL,
        driver_name text NOT NULL REFERENCES cloud_driver_infos (driver_name) ON DELETE RESTRICT,
        credential_name text NOT NULL REFERENCES credential_infos (credential_name) ON DELETE RESTRICT,
        region_name text NOT NULL REFERENCES region_infos (region_name) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const column of ['driver_name', 'credential_name', 'region_name', 'provider_name']) {
      await queryRunner.query(
        `CREATE INDEX connection_config_infos_${column}_idx ON connection_config_infos (${column})`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE connection_config_infos');
    await queryRunner.query('DROP TABLE region_infos');
    await queryRunner.query('DROP TABLE credential_infos');
    await queryRunner.query('DROP TABLE cloud_driver_infos');
  }
}
