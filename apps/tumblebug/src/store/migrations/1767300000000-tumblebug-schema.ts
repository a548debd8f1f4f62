import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Namespaces, the connections seen from spider, and the MCIR tables. Every namespaced table references
 * `namespaces` ON DELETE RESTRICT, so a namespace that still holds anything cannot be deleted even by a
 * request racing a create. Specs and images get columns of their own: recommendation filters and
 * ranks on them in SQL.
 */
export class TumblebugSchema1767300000000 implements MigrationInterface {
  name = 'TumblebugSchema1767300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE namespaces (
        id text PRIMARY KEY,
        uid text NOT NULL UNIQUE,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE connections (
        config_name text PRIMARY KEY,
        provider_name text NOT NULL,
        driver_name text NOT NULL,
        credential_name text NOT NULL,
        region_zone_info_name text NOT NULL,
        region_id text NOT NULL DEFAULT '',
        region_display text NOT NULL DEFAULT '',
        zones jsonb NOT NULL DEFAULT '[]',
        latitude double precision,
        longitude double precision,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE resources (
        ns_id text NOT NULL REFERENCES namespaces (id) ON DELETE RESTRICT,
        resource_type text NOT NULL,
        id text NOT NULL,
        uid text NOT NULL,
        connection_name text NOT NULL DEFAULT '',
        info jsonb NOT NULL,
        private_key text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (ns_id, resource_type, id)
      )`);
    await queryRunner.query(`
      CREATE TABLE specs (
        ns_id text NOT NULL REFERENCES namespaces (id) ON DELETE RESTRICT,
        id text NOT NULL,
        connection_name text NOT NULL,
        provider_name text NOT NULL,
        region_name text NOT NULL,
        csp_spec_name text NOT NULL,
        v_cpu double precision NOT NULL DEFAULT 0,
        memory_gib double precision NOT NULL DEFAULT 0,
        disk_size_gb double precision NOT NULL DEFAULT -1,
        cost_per_hour double precision NOT NULL DEFAULT -1,
        accelerator_count double precision NOT NULL DEFAULT 0,
        accelerator_memory_gb double precision NOT NULL DEFAULT 0,
        evaluation_score01 double precision NOT NULL DEFAULT 0,
        region_latitude double precision,
        region_longitude double precision,
        info jsonb NOT NULL,
        PRIMARY KEY (ns_id, id)
      )`);
    await queryRunner.query(`CREATE INDEX specs_connection ON specs (ns_id, connection_name)`);
    await queryRunner.query(`
      CREATE TABLE images (
        ns_id text NOT NULL REFERENCES namespaces (id) ON DELETE RESTRICT,
        id text NOT NULL,
        connection_name text NOT NULL,
        provider_name text NOT NULL,
        region_name text NOT NULL,
        csp_image_name text NOT NULL,
        info jsonb NOT NULL,
        PRIMARY KEY (ns_id, id)
      )`);
    await queryRunner.query(`CREATE INDEX images_connection ON images (ns_id, connection_name)`);
    // Written by MCIS inside its own transactions: which VM uses which resource.
    await queryRunner.query(`
      CREATE TABLE resource_usage (
        ns_id text NOT NULL REFERENCES namespaces (id) ON DELETE RESTRICT,
        resource_type text NOT NULL,
        resource_id text NOT NULL,
        vm_ref text NOT NULL,
        PRIMARY KEY (ns_id, resource_type, resource_id, vm_ref)
      )`);
    await queryRunner.query(`CREATE INDEX resource_usage_vm ON resource_usage (ns_id, vm_ref)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['resource_usage', 'images', 'specs', 'resources', 'connections', 'namespaces']) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
