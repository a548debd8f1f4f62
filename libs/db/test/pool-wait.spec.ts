import { createTestDatabase, type TestDatabase } from '@cb/testing';
import { createDataSource } from '../src';

describe('waiting for a pool connection', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('poolwait');
  });
  afterAll(() => db.drop());

  it('fails loudly instead of hanging when a transaction waits for a second connection of a full pool', async () => {
    const ds = createDataSource({ url: db.url, entities: [], poolSize: 1, connectionWaitMs: 300 });
    await ds.initialize();
    try {
      // The transaction holds the only connection; the query outside it can never get one.
      const outcome = await ds
        .transaction(() => ds.query('SELECT 1'))
        .then(
          () => 'completed',
          (error: Error) => error.message,
        );
      expect(outcome).toMatch(/timeout/i);
      // The pool is usable again afterwards.
      expect(await ds.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await ds.destroy();
    }
  });
});
