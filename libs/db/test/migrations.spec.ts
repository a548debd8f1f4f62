import { createTestDatabase, type TestDatabase } from '@cb/testing';
import {
  Column,
  Entity,
  PrimaryGeneratedColumn,
  type DataSource,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';
import { createDataSource, isUniqueViolation, runMigrations } from '../src';

@Entity('connection_configs')
class ConnectionConfig {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  configName!: string;

  @Column({ type: 'text' })
  providerName!: string;
}

class CreateConnectionConfigs1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    // The pause keeps the first runner inside its migration long enough for a second runner to
    // arrive: without the advisory lock both would try to create the table and one would fail.
    await queryRunner.query('SELECT pg_sleep(0.5)');
    await queryRunner.query(`CREATE TABLE connection_configs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      config_name text NOT NULL CONSTRAINT uq_connection_configs_name UNIQUE,
      provider_name text NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE connection_configs');
  }
}

describe('runMigrations', () => {
  let db: TestDatabase;
  const sources: DataSource[] = [];

  const open = async () => {
    const ds = createDataSource({
      url: db.url,
      entities: [ConnectionConfig],
      migrations: [CreateConnectionConfigs1700000000000],
      logging: false,
    });
    sources.push(ds);
    return ds.initialize();
  };

  beforeAll(async () => {
    db = await createTestDatabase('db_migrations');
  });

  afterAll(async () => {
    await Promise.all(sources.map((ds) => ds.destroy()));
    await db.drop();
  });

  it('applies pending migrations once when two replicas start at the same time', async () => {
    const [first, second] = await Promise.all([open(), open()]);
    const applied = await Promise.all([runMigrations(first), runMigrations(second)]);

    expect(applied.map((list) => list.length).sort()).toEqual([0, 1]);
    const recorded = await first.query('SELECT name FROM typeorm_migrations');
    expect(recorded).toEqual([{ name: 'CreateConnectionConfigs1700000000000' }]);
  });

  it('has nothing to do on the next start', async () => {
    expect(await runMigrations(await open())).toEqual([]);
  });

  it('maps entity properties to snake_case columns', async () => {
    const ds = sources[0];
    await ds.getRepository(ConnectionConfig).save({ configName: 'aws-seoul', providerName: 'AWS' });
    const rows = await ds.query('SELECT config_name, provider_name FROM connection_configs');
    expect(rows).toEqual([{ config_name: 'aws-seoul', provider_name: 'AWS' }]);
  });

  it('reports a duplicate key as a unique violation', async () => {
    const repo = sources[0].getRepository(ConnectionConfig);
    const error = await repo.insert({ configName: 'aws-seoul', providerName: 'AWS' }).catch((err: unknown) => err);
    expect(isUniqueViolation(error)).toBe(true);
  });
});
