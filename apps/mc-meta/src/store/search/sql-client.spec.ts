import { createTestDatabase, type TestDatabase } from '@cb/testing';
import type { DataSource } from 'typeorm';
import { createMcMetaDataSource } from '../data-source';
import { poolClient, statementName } from './sql-client';

/** Search statements are prepared per connection, and a connection never keeps more than the bound. */
describe('poolClient', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('mcmeta_sql');
    // One connection: every statement meets the same session's prepared statements.
    ds = createMcMetaDataSource(db.url, [], 1);
    await ds.initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const preparedHere = async (client: ReturnType<typeof poolClient>) =>
    (await client.query(`SELECT name FROM pg_prepared_statements ORDER BY name`)).map((row) => row.name as string);

  it('prepares a text once per connection and answers each run with its own values', async () => {
    const client = poolClient(ds, 1);
    const text = 'SELECT $1::int * 2 AS doubled';
    expect(await client.query(text, [2])).toEqual([{ doubled: 4 }]);
    expect(await client.query(text, [21])).toEqual([{ doubled: 42 }]);
    const names = await preparedHere(client);
    expect(names).toContain(statementName(text));
    expect(names.filter((name) => name === statementName(text))).toHaveLength(1);
  });

  it('replaces a connection that has prepared as many statements as allowed', async () => {
    const client = poolClient(ds, 1, 3);
    const pid = async () => (await client.query('SELECT pg_backend_pid() AS pid'))[0].pid as number;
    const first = await pid();
    for (let i = 0; i < 3; i++) expect(await client.query(`SELECT ${i} AS n`)).toEqual([{ n: i }]);
    // The connection prepared its bound (the pid query and three more) and was closed; this is a new one.
    const second = await pid();
    expect(second).not.toBe(first);
    expect((await preparedHere(client)).length).toBeLessThanOrEqual(3);
  });

  it('a failed statement does not leave its connection or the next statements broken', async () => {
    const client = poolClient(ds, 1);
    await expect(client.query('SELECT 1 / $1::int AS n', [0])).rejects.toThrow(/division by zero/);
    expect(await client.query('SELECT 1 / $1::int AS n', [1])).toEqual([{ n: 1 }]);
  });
});
