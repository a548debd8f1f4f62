export { parseDatabaseUrl, withDatabase, type DatabaseUrl } from './database-url';
export { checkDatabaseConnection } from './check-connection';
export { ensureDatabase } from './ensure-database';
export { createDataSource, type DataSourceConfig } from './data-source';
export { runMigrations } from './migrations';
export { SnakeNamingStrategy, snakeCase } from './snake-naming-strategy';
export {
  startEmbeddedPostgres,
  findFreePort,
  type EmbeddedPostgres,
  type EmbeddedPostgresOptions,
} from './embedded-postgres';
export {
  SqlState,
  sqlStateOf,
  constraintOf,
  isUniqueViolation,
  isForeignKeyViolation,
  isRetryableTransactionError,
} from './postgres-errors';
export { envDatabaseUrl } from './env-database-url';
