export { createTestDatabase, testNatsUrl, testPostgresUrl, uniqueName, type TestDatabase } from './databases';
export { findOrStartPostgres, type PostgresForTests } from './postgres-server';
