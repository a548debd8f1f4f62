import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { TEST_NATS_URL, TEST_POSTGRES_URL, TEST_RUN_TAG } from './env-keys';

function required(key: string): string {
  const value = process.env[key];
  if (!value) throw new Error(`${key} is not set: run tests through jest so that libs/testing's global setup runs`);
  return value;
}

/** Admin URL of the PostgreSQL server the global setup found or started. */
export function testPostgresUrl(): string {
  return required(TEST_POSTGRES_URL);
}

/** URL of the NATS server (JetStream enabled) the global setup found or started. */
export function testNatsUrl(): string {
  return required(TEST_NATS_URL);
}

/**
 * A name unique to this run, safe for databases, JetStream streams and subject tokens. It carries
 * the run's tag (see TEST_RUN_TAG), so the run's teardown can tell its own streams from others'.
 */
export function uniqueName(prefix: string): string {
  const clean = prefix.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const tag = process.env[TEST_RUN_TAG];
  return `${clean}_${tag ? `${tag}_` : ''}${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function withAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testPostgresUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database for one test suite; drop() it in afterAll. */
export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const name = uniqueName(`t_${prefix}`).slice(0, 63);
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(testPostgresUrl());
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}
