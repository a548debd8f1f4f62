import type { ImageInfo } from '@cb/driver-sdk';
import { Client } from 'pg';
import { DriverMetadataSource } from '../src/domain/source/driver-metadata-source';
import type { MetadataSource, SourceConnection } from '../src/domain/source/metadata-source';
import { mockConnection, setCredential, startMcMeta, type Harness } from './harness';

/** A source whose image listing stops after `pauseAfter` records until released: a slow cloud, mid-listing. */
class PausingSource extends DriverMetadataSource implements MetadataSource {
  pauseAfter?: number;
  private release: () => void = () => undefined;
  private released = Promise.resolve();

  pause(after: number): void {
    this.pauseAfter = after;
    this.released = new Promise((resolve) => (this.release = resolve));
  }

  resume(): void {
    this.pauseAfter = undefined;
    this.release();
  }

  override async *images(connection: SourceConnection): AsyncIterable<ImageInfo> {
    let listed = 0;
    for await (const image of super.images(connection)) {
      if (listed === this.pauseAfter) await this.released;
      listed++;
      yield image;
    }
  }
}

describe('a sync in progress', () => {
  const big = mockConnection('aws-big', 'aws', 'us-east-1', { ImagesPerRegion: '12000', Seed: 'concurrent' });
  const source = new PausingSource([big]);
  let harness: Harness;
  let sql: Client;

  /** The live images in list order, as SQL outside any sync's transaction sees them. */
  const liveKeys = async () =>
    (
      await sql.query(
        `SELECT connection_name || '/' || record_key AS key FROM image WHERE removed_at IS NULL ORDER BY list_order, id`,
      )
    ).rows.map((row) => row.key as string);
  const searchKeys = async () => {
    const { status, body } = await harness.get('/images?limit=50');
    expect(status).toBe(200);
    return body.items.map(
      (item: ImageInfo & { connectionName: string }) => `${item.connectionName}/${item.IId.SystemId}`,
    );
  };

  beforeAll(async () => {
    harness = await startMcMeta({ source });
    sql = new Client(harness.db.url);
    await sql.connect();
    const first = await harness.post('/sync', { connectionName: 'aws-big', kinds: ['images'] });
    await harness.service.sync.idle();
    expect((await harness.get(`/sync/${first.body.id}`)).body.status).toBe('completed');
  }, 120_000);

  afterAll(async () => {
    source.resume();
    await sql?.end();
    await harness?.close();
  });

  it('shows its progress, never blocks searches, and is seen by them only once it commits', async () => {
    const before = await liveKeys();
    setCredential(big, 'CatalogVersion', '2');
    // Paused past the first batch of 5,000: that batch is merged, in the task's transaction, not committed.
    source.pause(7_000);
    const started = await harness.post('/sync', { connectionName: 'aws-big', kinds: ['images'] });
    expect(started.status).toBe(202);
    let task: { kind?: string; status?: string; received?: number } | undefined;
    for (let attempt = 0; attempt < 600 && task?.received !== 5_000; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const { body } = await harness.get(`/sync/${started.body.id}`);
      expect(body.status).toBe('running');
      task = body.tasks[0];
    }
    expect(task).toMatchObject({ kind: 'images', status: 'running', received: 5_000 });

    // Searches answer at once, from the catalog as it was (the merge so far is invisible to them).
    const searched = Date.now();
    expect(await searchKeys()).toEqual(before.slice(0, 50));
    expect(await liveKeys()).toEqual(before);
    const { status } = await harness.get('/images?q=ubuntu&provider=aws&facets=os');
    expect(status).toBe(200);
    expect(Date.now() - searched).toBeLessThan(5_000);

    source.resume();
    await harness.service.sync.idle();
    const { body: run } = await harness.get(`/sync/${started.body.id}`);
    expect(run.status).toBe('completed');
    expect(run.counts.added + run.counts.changed + run.counts.removed).toBeGreaterThan(0);
    const after = await liveKeys();
    expect(await searchKeys()).toEqual(after.slice(0, 50));
    expect(new Set(after)).not.toEqual(new Set(before));
  });
});
