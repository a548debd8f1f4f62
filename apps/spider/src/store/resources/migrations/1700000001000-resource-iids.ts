import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The IID table of every resource kind; a name is unique per connection (subnets per VPC, node groups per cluster). */
const TABLES: { table: string; unique: string[]; extra?: string }[] = [
  { table: 'vpc_iid_infos', unique: ['connection_name', 'name_id'] },
  { table: 'subnet_iid_infos', unique: ['connection_name', 'owner_name', 'name_id'] },
  { table: 'sg_iid_infos', unique: ['connection_name', 'name_id'] },
  { table: 'key_iid_infos', unique: ['connection_name', 'name_id'] },
  { table: 'vm_iid_infos', unique: ['connection_name', 'name_id'], extra: `status text NOT NULL DEFAULT '',` },
  { table: 'disk_iid_infos', unique: ['connection_name', 'name_id'] },
  { table: 'my_image_iid_infos', unique: ['connection_name', 'name_id'] },
  { table: 'nlb_iid_infos', unique: ['connection_name', 'name_id'] },
  { table: 'cluster_iid_infos', unique: ['connection_name', 'name_id'] },
  { table: 'node_group_iid_infos', unique: ['connection_name', 'owner_name', 'name_id'] },
];

/** `vpc_iid_infos` -> `uq_vpc_iid_name`, the names the entities declare. */
const uniqueName = (table: string) => `uq_${table.replace(/_infos$/, '')}_name`;

export class ResourceIids1700000001000 implements MigrationInterface {
  name = 'ResourceIids1700000001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, unique, extra } of TABLES) {
      await queryRunner.query(`
        CREATE TABLE ${table} (
          id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
          connection_name text NOT NULL,
          name_id text NOT NULL,
          driver_name_id text NOT NULL,
          system_id text NOT NULL,
          owner_name text NOT NULL DEFAULT '',
          zone_id text NOT NULL DEFAULT '',
          ${extra ?? ''}
          created_at timestamptz NOT NULL DEFAULT now()
        )`);
      await queryRunner.query(`CREATE UNIQUE INDEX ${uniqueName(table)} ON ${table} (${unique.join(', ')})`);
    }
    await queryRunner.query(`
      CREATE TABLE driver_calls (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        connection_name text NOT NULL,
        provider_name text NOT NULL,
        resource_type text NOT NULL,
        resource_name text NOT NULL DEFAULT '',
        operation text NOT NULL,
        duration_ms double precision NOT NULL,
        outcome text NOT NULL,
        error_message text NOT NULL DEFAULT ''
      )`);
    await queryRunner.query('CREATE INDEX ix_driver_calls_at ON driver_calls (at)');
    await queryRunner.query('CREATE INDEX ix_driver_calls_connection_at ON driver_calls (connection_name, at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS driver_calls');
    for (const { table } of [...TABLES].reverse()) await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
