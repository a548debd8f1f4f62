import { connect } from '@nats-io/transport-node';
import { Client } from 'pg';
import { createTestDatabase, testNatsUrl, uniqueName } from '../src';
import { TEST_RUN_TAG } from '../src/env-keys';

describe('test harness', () => {
  it('gives each suite a fresh, empty, writable database and drops it afterwards', async () => {
    const db = await createTestDatabase('harness');
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const tables = await client.query(
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`,
      );
      expect(tables.rows[0].n).toBe(0);
      await client.query('CREATE TABLE probe (id int primary key)');
      await client.query('INSERT INTO probe VALUES (1)');
      expect((await client.query('SELECT id FROM probe')).rows).toEqual([{ id: 1 }]);
    } finally {
      await client.end();
    }
    await db.drop();
    const admin = new Client({ connectionString: db.url.replace(`/${db.name}`, '/postgres') });
    await admin.connect();
    const left = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [db.name]);
    await admin.end();
    expect(left.rowCount).toBe(0);
  });

  it('connects to a NATS server with JetStream enabled', async () => {
    const nc = await connect({ servers: testNatsUrl() });
    try {
      const info = nc.info;
      expect(info?.jetstream).toBe(true);
    } finally {
      await nc.close();
    }
  });

  it('makes names that differ on every call and are safe as identifiers', () => {
    const a = uniqueName('My Suite-1');
    const b = uniqueName('My Suite-1');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^my_suite_1_[a-z0-9_]+$/);
    // The run's tag, by which the teardown finds the streams this run made.
    const tag = process.env[TEST_RUN_TAG];
    expect(tag).toMatch(/^run[0-9a-f]{8}$/);
    expect(a).toContain(`_${tag}_`);
  });
});
