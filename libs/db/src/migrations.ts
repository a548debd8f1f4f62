import type { DataSource } from 'typeorm';
import { MigrationExecutor, type Migration } from 'typeorm';

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so that replicas starting
 * together do not race: the first applies them, the others wait, then find nothing to do.
 * The lock key is derived from the database name, so every service's database has its own lock.
 * Lock and migrations share one connection; a session lock is unaffected by the migrations'
 * own transactions and is released even if the process dies (the session ends).
 */
export async function runMigrations(dataSource: DataSource): Promise<Migration[]> {
  const queryRunner = dataSource.createQueryRunner();
  await queryRunner.connect();
  const lockKey = "hashtextextended('cb:migrations:' || current_database(), 0)";
  try {
    await queryRunner.query(`SELECT pg_advisory_lock(${lockKey})`);
    try {
      const executor = new MigrationExecutor(dataSource, queryRunner);
      executor.transaction = 'each';
      return await executor.executePendingMigrations();
    } finally {
      await queryRunner.query(`SELECT pg_advisory_unlock(${lockKey})`);
    }
  } finally {
    await queryRunner.release();
  }
}
