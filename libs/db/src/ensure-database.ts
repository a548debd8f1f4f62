import { Client } from 'pg';
import { parseDatabaseUrl } from './database-url';
import { SqlState, sqlStateOf } from './postgres-errors';

/**
 * Creates database `name` on the server of `adminUrl` if it does not exist yet. Several services
 * (or replicas) may start at once, so losing the race to another CREATE DATABASE is success.
 * Returns true when this call created it.
 */
export async function ensureDatabase(adminUrl: string, name: string): Promise<boolean> {
  if (!/^[A-Za-z_][A-Za-z0-9_-]{0,62}$/.test(name)) {
    throw new Error(`database name "${name}" is not a plain identifier (letters, digits, _ and -, at most 63)`);
  }
  const client = new Client({ connectionString: parseDatabaseUrl(adminUrl).url });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    return true;
  } catch (err) {
    // Two concurrent creators: the loser sees a duplicate database (42P04) or, when both passed
    // the catalog check at once, a unique violation on pg_database.
    const state = sqlStateOf(err);
    if (state === '42P04' || state === SqlState.uniqueViolation) return false;
    throw err;
  } finally {
    await client.end();
  }
}
