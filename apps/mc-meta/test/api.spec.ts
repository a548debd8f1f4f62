import { createGrpcClient } from '@cb/grpc';
import { mockConnection, startHarness, type Harness } from './harness';
import { mcmeta } from '@cb/proto';

describe('REST and gRPC surface', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness([mockConnection('gcp-api', 'gcp', 'asia-northeast3', { ImagesPerRegion: '50' })]);
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('asks for Basic credentials on the API but not on health and docs', async () => {
    expect((await fetch(`${harness.rest}/images`)).status).toBe(401);
    expect((await fetch(`${harness.rest}/readyz`)).status).toBe(200);
    const openapi = (await (await fetch(`${harness.rest}/openapi.json`)).json()) as { paths: object };
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/images', '/specs', '/prices', '/regions', '/stats', '/sync', '/sync/{id}']),
    );
  });

  it('starts a sync and reports it over gRPC as REST does', async () => {
    const client = createGrpcClient(mcmeta.McMetaService, harness.grpc);
    try {
      const { id } = await client.startSync({ connectionName: 'gcp-api', kinds: ['regions'] });
      await harness.service.sync.idle();
      const { sync } = await client.getSync({ id });
      const { body } = await harness.get(`/sync/${id}`);
      expect(sync).toEqual(body);
      expect(body.status).toBe('completed');
      const { series } = await client.getStats({ kind: 'regions', groupBy: 'provider' });
      expect(series.map((s) => s.key)).toContain('gcp');
    } finally {
      client.close();
    }
  });

  it('syncs every connection from an empty POST body', async () => {
    const started = await harness.post('/sync');
    expect(started.status).toBe(202);
    await harness.service.sync.idle();
    const { body: run } = await harness.get(`/sync/${started.body.id}`);
    expect(run.status).toBe('completed');
    expect(run.tasks.map((t: { connectionName: string }) => t.connectionName)).toContain('gcp-api');
  });
});
