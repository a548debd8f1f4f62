import { PgCatalogWriter } from '../src/store/catalog-writer';
import { listedImage, startWriterHarness, type WriterHarness } from './writer-harness';

/**
 * A task merges one batch while it reads the next. A listing that fails anywhere (a batch the database rejects, a
 * stream that breaks while a merge is under way) fails the task with that error and leaves the catalog as it was.
 */
describe('a listing that fails part way', () => {
  const connection = { name: 'aws-failing', provider: 'aws', region: 'ap-northeast-2' };
  let writer: WriterHarness;
  let task = 0;

  const image = (id: string) => listedImage(id, `ubuntu-${id}`);
  const images = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => image(`img-${String(from + i).padStart(3, '0')}`));

  /** The listing written as a sync task does, in batches of 10; `fail` breaks the stream after that many records. */
  async function write(records: object[], fail?: { after: number; error: Error }) {
    task += 1;
    async function* listing() {
      for (const [i, record] of records.entries()) {
        if (fail && i === fail.after) {
          // Let the batch sent last reach the database first: the stream breaks while it is merged.
          await new Promise((resolve) => setTimeout(resolve, 20));
          throw fail.error;
        }
        yield record;
      }
    }
    return new PgCatalogWriter(writer.ds, 10).write(String(task), connection, 'images', listing());
  }

  const stored = async () =>
    (
      await writer.sql.query(
        `SELECT record_key, removed_at IS NULL AS live FROM image WHERE connection_name = $1 ORDER BY record_key`,
        [connection.name],
      )
    ).rows.map((row) => `${row.record_key}${row.live ? '' : ' (removed)'}`);

  const changesLogged = async () =>
    Number((await writer.sql.query(`SELECT count(*) AS n FROM record_change WHERE kind = 'images'`)).rows[0].n);

  beforeAll(async () => {
    writer = await startWriterHarness();
  });

  afterAll(() => writer?.close());

  it('stores nothing of a first listing whose third batch the database rejects', async () => {
    // PostgreSQL's jsonb has no NUL character: the batch holding this record fails.
    const rejected = { ...image('img-025'), Name: 'bad\u0000name' };
    const listing = [...images(0, 25), rejected, ...images(26, 24)];
    await expect(write(listing)).rejects.toThrow(/unsupported Unicode escape sequence|\\u0000/);
    expect(await stored()).toEqual([]);
    expect(await changesLogged()).toBe(0);
  });

  it('stores nothing of a first listing whose stream breaks while a batch is merged', async () => {
    await expect(write(images(0, 50), { after: 35, error: new Error('stream reset by the source') })).rejects.toThrow(
      'stream reset by the source',
    );
    expect(await stored()).toEqual([]);
    expect(await changesLogged()).toBe(0);
  });

  it('keeps the catalog as it was when a later listing breaks: nothing added, nothing marked removed', async () => {
    expect(await write(images(0, 30))).toEqual({ received: 30, added: 30, changed: 0, removed: 0 });
    const before = await stored();
    const logged = await changesLogged();
    // The new listing lacks img-000..009 and adds img-030..049; it breaks after two batches.
    await expect(write(images(10, 40), { after: 25, error: new Error('source went away') })).rejects.toThrow(
      'source went away',
    );
    expect(await stored()).toEqual(before);
    expect(await changesLogged()).toBe(logged);
  });

  it('skips a record without a key and counts only the records stored', async () => {
    const keyless = { Name: 'no-id', OSDistribution: 'Ubuntu 22.04' };
    const counts = await write([...images(0, 12), keyless, ...images(30, 3)]);
    expect(counts).toEqual({ received: 15, added: 3, changed: 0, removed: 18 });
    expect((await stored()).filter((key) => !key.endsWith('(removed)'))).toEqual([
      ...images(0, 12).map((i) => i.IId.SystemId),
      ...images(30, 3).map((i) => i.IId.SystemId),
    ]);
  });
});
