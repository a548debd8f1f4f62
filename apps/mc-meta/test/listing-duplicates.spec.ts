import { PgCatalogWriter } from '../src/store/catalog-writer';
import { listedImage, startWriterHarness, type WriterHarness } from './writer-harness';

/**
 * A cloud may list the same record twice in one listing, in one batch or in two. Each key is then applied once: the
 * first listing of it wins, and the counts count keys, not records.
 */
describe('a listing that names a record twice', () => {
  const connection = { name: 'aws-twice', provider: 'aws', region: 'ap-northeast-2' };
  let writer: WriterHarness;
  let task = 0;

  const image = listedImage;

  /** The listing written as a sync task does, in batches of `batchSize` records. */
  async function write(records: object[], batchSize = 2, to = connection) {
    task += 1;
    async function* listing() {
      yield* records;
    }
    return new PgCatalogWriter(writer.ds, batchSize).write(String(task), to, 'images', listing());
  }

  const liveNames = async (of = connection.name) =>
    (
      await writer.sql.query(
        `SELECT record_key, name FROM image WHERE connection_name = $1 AND removed_at IS NULL ORDER BY record_key`,
        [of],
      )
    ).rows.map((row) => `${row.record_key}=${row.name}`);

  beforeAll(async () => {
    writer = await startWriterHarness();
  });

  afterAll(() => writer?.close());

  it('in a first listing: each key once, the first listing of it kept', async () => {
    const counts = await write([
      image('a', 'a-first'),
      image('a', 'a-again'), // the same batch
      image('b', 'b-first'),
      image('c', 'c-first'),
      image('b', 'b-again'), // a later batch
      image('d', 'd-first'),
    ]);
    expect(counts).toEqual({ received: 4, added: 4, changed: 0, removed: 0 });
    expect(await liveNames()).toEqual(['a=a-first', 'b=b-first', 'c=c-first', 'd=d-first']);
  });

  it('in a later listing: changes, additions and removals counted by key', async () => {
    const counts = await write([
      image('b', 'b-changed'),
      image('b', 'b-changed-again'),
      image('a', 'a-first'),
      image('e', 'e-first'),
      image('a', 'a-changed-late'),
    ]);
    expect(counts).toEqual({ received: 3, added: 1, changed: 1, removed: 2 });
    expect(await liveNames()).toEqual(['a=a-first', 'b=b-changed', 'e=e-first']);
    const { rows } = await writer.sql.query(
      `SELECT change, count(*)::int AS n FROM record_change WHERE task_id = $1 GROUP BY change ORDER BY change`,
      [task],
    );
    expect(rows).toEqual([
      { change: 'added', n: 1 },
      { change: 'changed', n: 1 },
      { change: 'removed', n: 2 },
    ]);
  });

  it('in one large batch: the first listing of each key kept, whatever order the batch is sorted in', async () => {
    const other = { ...connection, name: 'aws-many' };
    const keys = Array.from({ length: 40 }, (_, i) => `k${String(i).padStart(2, '0')}`);
    // Each key listed five times, the listings interleaved: k00#0, k01#0, ..., k39#0, k00#1, ...
    const records = [0, 1, 2, 3, 4].flatMap((round) => keys.map((key) => image(key, `${key}#${round}`)));
    const counts = await write(records, 1_000, other);
    expect(counts).toEqual({ received: 40, added: 40, changed: 0, removed: 0 });
    expect(await liveNames(other.name)).toEqual(keys.map((key) => `${key}=${key}#0`));
  });
});
