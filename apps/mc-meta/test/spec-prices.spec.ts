import { Client } from 'pg';
import { mockConnection, setCredential, startHarness, syncAndWait, type Harness } from './harness';

/**
 * A spec's price is the cheapest live on-demand price of its connection and name, kept in the spec row by the
 * sync: whichever of the spec and price tasks comes last, and whether they run one after the other or together.
 */
describe("a spec's cheapest price", () => {
  const seoul = mockConnection('aws-prices', 'aws', 'ap-northeast-2', { ImagesPerRegion: '50', Seed: 'prices-1' });
  let harness: Harness;
  let sql: Client;

  beforeAll(async () => {
    harness = await startHarness([seoul]);
    sql = new Client(harness.db.url);
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await harness?.close();
  });

  /** Every live spec's price as the search answers it, by name. */
  const searched = async () => {
    const { status, body } = await harness.get('/specs?limit=1000&sort=name');
    expect(status).toBe(200);
    return new Map<string, number | null>(body.items.map((s: any) => [s.Name, s.pricePerHour]));
  };

  /** The oracle: the cheapest live price of each live spec, straight from the price table. */
  const cheapest = async () => {
    const { rows } = await sql.query(
      `SELECT s.name, (SELECT min(p.price) FROM price p WHERE p.connection_name = s.connection_name
                       AND p.spec_name = s.name AND p.removed_at IS NULL)::float8 AS price
       FROM spec s WHERE s.removed_at IS NULL ORDER BY s.name`,
    );
    return new Map<string, number | null>(rows.map((r) => [r.name, r.price]));
  };

  it('has none before the prices are synced, and the cheapest once they are', async () => {
    expect((await syncAndWait(harness, { connectionName: 'aws-prices', kinds: ['specs'] })).status).toBe('completed');
    const unpriced = await searched();
    expect(unpriced.size).toBeGreaterThan(10);
    expect([...unpriced.values()].every((price) => price === null)).toBe(true);

    expect((await syncAndWait(harness, { connectionName: 'aws-prices', kinds: ['prices'] })).status).toBe('completed');
    const priced = await searched();
    expect([...priced.values()].filter((price) => price !== null).length).toBeGreaterThan(10);
    expect(priced).toEqual(await cheapest());
  });

  it('follows prices that change and vanish', async () => {
    const before = await searched();
    setCredential(seoul, 'Seed', 'prices-2');
    expect((await syncAndWait(harness, { connectionName: 'aws-prices', kinds: ['prices'] })).status).toBe('completed');
    const after = await searched();
    expect(after).toEqual(await cheapest());
    // Another seed prices other specs at other levels: some specs lost their price, others have a new one.
    const names = [...before.keys()];
    expect(names.some((name) => before.get(name) !== null && after.get(name) === null)).toBe(true);
    expect(names.some((name) => before.get(name) !== after.get(name) && after.get(name) !== null)).toBe(true);
  });

  it('is right when the spec and price tasks run together', async () => {
    setCredential(seoul, 'Seed', 'prices-3');
    for (let round = 0; round < 3; round++) {
      const [specs, prices] = await Promise.all([
        harness.post('/sync', { connectionName: 'aws-prices', kinds: ['specs'] }),
        harness.post('/sync', { connectionName: 'aws-prices', kinds: ['prices'] }),
      ]);
      expect([specs.status, prices.status]).toEqual([202, 202]);
      await harness.service.sync.idle();
      for (const run of [specs, prices]) {
        expect((await harness.get(`/sync/${run.body.id}`)).body.status).toBe('completed');
      }
      expect(await searched()).toEqual(await cheapest());
      setCredential(seoul, 'Seed', `prices-${4 + round}`);
    }
  });

  it('sorts and caps specs by that price', async () => {
    const { body } = await harness.get('/specs?sort=price&priceMax=1&limit=1000');
    const prices = body.items.map((s: any) => s.pricePerHour as number);
    const expected = [...(await cheapest()).values()].filter((p): p is number => p !== null && p <= 1);
    expect(prices).toEqual(expected.sort((a, b) => a - b));
  });
});
