import { Client } from 'pg';
import { DriverMetadataSource } from '../src/domain/source/driver-metadata-source';
import type { SourceConnection } from '../src/domain/source/metadata-source';
import { mockConnection, startMcMeta, syncAndWait, type Harness } from './harness';

/** The same catalog, reported under another region name (as a connection whose cloud region was not known yet). */
class RelabellingSource extends DriverMetadataSource {
  regionLabel?: string;

  override async listConnections(): Promise<SourceConnection[]> {
    const connections = await super.listConnections();
    return connections.map((c) => ({ ...c, region: this.regionLabel ?? c.region }));
  }
}

describe("a connection's region", () => {
  const seoul = mockConnection('aws-seoul', 'aws', 'ap-northeast-2', { ImagesPerRegion: '800', Seed: 'move' });
  const source = new RelabellingSource([seoul]);
  let harness: Harness;
  let sql: Client;

  const regionsOf = async () =>
    (
      await sql.query(
        `SELECT region, count(*)::int AS n FROM image WHERE removed_at IS NULL GROUP BY region ORDER BY region`,
      )
    ).rows;

  beforeAll(async () => {
    harness = await startMcMeta({ source });
    sql = new Client(harness.db.url);
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await harness?.close();
  });

  it('moves its unchanged records when it turns out to be another, logging them as changed', async () => {
    source.regionLabel = 'aws-seoul-region';
    expect((await syncAndWait(harness, { kinds: ['images'] })).status).toBe('completed');
    expect(await regionsOf()).toEqual([{ region: 'aws-seoul-region', n: 800 }]);

    source.regionLabel = undefined;
    const run = await syncAndWait(harness, { kinds: ['images'] });
    expect(run.countsByKind.images).toMatchObject({ received: 800, added: 0, changed: 800, removed: 0 });
    expect(await regionsOf()).toEqual([{ region: 'ap-northeast-2', n: 800 }]);
    // The exact total of a search without a keyword follows the move too.
    const { body } = await harness.get('/images?region=ap-northeast-2&limit=1');
    expect(body).toMatchObject({ total: 800, totalExact: true });
    expect((await harness.get('/images?region=aws-seoul-region&limit=1')).body).toMatchObject({ total: 0, items: [] });

    // Nothing moves again: the next sync writes nothing.
    const again = await syncAndWait(harness, { kinds: ['images'] });
    expect(again.counts).toMatchObject({ added: 0, changed: 0, removed: 0, unchanged: 800 });
  });
});
