import { DataSource, type DataSourceOptions, type LoggerOptions } from 'typeorm';
import { parseDatabaseUrl } from './database-url';
import { SnakeNamingStrategy } from './snake-naming-strategy';

export interface DataSourceConfig {
  /** postgres://user:password@host:port/database — validated, errors name `variable`. */
  url: string;
  /** The environment variable the URL came from, for error messages (default DATABASE_URL). */
  variable?: string;
  entities: DataSourceOptions['entities'];
  migrations?: DataSourceOptions['migrations'];
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /**
   * Longest wait for a connection, new or from the pool (default 30 s). A wait that long means the
   * pool is exhausted (e.g. a transaction waiting for a second connection): fail loudly, never hang.
   */
  connectionWaitMs?: number;
  logging?: LoggerOptions;
  /** Tests only: create the schema from the entities instead of running migrations. */
  synchronizeForTests?: boolean;
}

/**
 * The one way services build their TypeORM DataSource: snake_case names, migrations recorded in
 * `typeorm_migrations`, each migration in its own transaction, never `synchronize` in production.
 * The returned DataSource is not initialised yet; call `initialize()` then `runMigrations()`.
 */
export function createDataSource(config: DataSourceConfig): DataSource {
  const { url } = parseDatabaseUrl(config.url, config.variable);
  return new DataSource({
    type: 'postgres',
    url,
    entities: config.entities,
    migrations: config.migrations ?? [],
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    migrationsRun: false,
    synchronize: config.synchronizeForTests ?? false,
    namingStrategy: new SnakeNamingStrategy(),
    logging: config.logging ?? ['error', 'migration'],
    poolSize: config.poolSize ?? 10,
    connectTimeoutMS: config.connectionWaitMs ?? 30_000,
    // gen_random_uuid() is built into PostgreSQL 13+, so no extension has to be installed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
  });
}
