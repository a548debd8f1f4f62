import { testPostgresUrl, uniqueName } from '@cb/testing';
import { Client } from 'pg';
import { ensureDatabase } from '../src';

describe('ensureDatabase', () => {
  const name = uniqueName('ensure');

  afterAll(async () => {
    const client = new Client({ connectionString: testPostgresUrl() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  });

  it('creates a missing database once even when called concurrently', async () => {
    const created = await Promise.all([
      ensureDatabase(testPostgresUrl(), name),
      ensureDatabase(testPostgresUrl(), name),
    ]);
    expect(created.filter(Boolean)).toHaveLength(1);

    const client = new Client({ connectionString: testPostgresUrl() });
    await client.connect();
    const found = await client.query('SELECT datname FROM pg_database WHERE datname = $1', [name]);
    await client.end();
    expect(found.rows).toEqual([{ datname: name }]);
  });

  it('leaves an existing database alone', async () => {
    expect(await ensureDatabase(testPostgresUrl(), name)).toBe(false);
  });

  it('refuses a name that is not a plain identifier', async () => {
    await expect(ensureDatabase(testPostgresUrl(), 'x"; DROP DATABASE postgres; --')).rejects.toThrow(
      /not a plain identifier/,
    );
  });
});
