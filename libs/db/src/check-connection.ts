import { Client } from 'pg';
import { parseDatabaseUrl } from './database-url';

/**
 * Connects once to the server of `url`, so that a wrong one is named before anything starts:
 * the error says which variable, and which server (password redacted), could not be reached.
 */
export async function checkDatabaseConnection(url: string, variable = 'DATABASE_URL'): Promise<void> {
  const parsed = parseDatabaseUrl(url, variable);
  const client = new Client({ connectionString: parsed.url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`cannot connect to PostgreSQL at ${parsed.redacted} (${variable}): ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
