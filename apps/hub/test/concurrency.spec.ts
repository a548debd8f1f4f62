import { createHubClient } from '@cb/hub-client';
import { fakeArtifact, getJson, manifestOf, publish, type RunningHub, sha256, startHub } from './hub-harness';

describe('hub under concurrent use', () => {
  let hub: RunningHub;

  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(() => hub?.stop());

  it('publishes 5 versions at once, each intact', async () => {
    const versions = ['1.0.0', '1.1.0', '1.2.0', '2.0.0', '2.1.0'];
    const artifacts = versions.map((v, i) => fakeArtifact('busy', v, 50_000 * (i + 1)));
    const results = await Promise.all(versions.map((v, i) => publish(hub, manifestOf('busy', v), artifacts[i])));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const listed = await getJson(`${hub.rest}/drivers/busy/versions`);
    expect(listed.body.versions.map((r: { version: string; sha256: string }) => [r.version, r.sha256])).toEqual(
      versions.map((v, i) => [v, sha256(artifacts[i])]).reverse(),
    );
    for (const [i, v] of versions.entries()) {
      const bytes = Buffer.from(await (await fetch(`${hub.rest}/drivers/busy/versions/${v}/artifact`)).arrayBuffer());
      expect(bytes.equals(artifacts[i])).toBe(true);
    }
  });

  it('serves 50 parallel downloads (REST and gRPC) with matching bytes and one log entry each', async () => {
    const artifact = fakeArtifact('popular', '3.0.0', 400_000);
    await publish(hub, manifestOf('popular', '3.0.0'), artifact);
    const client = createHubClient(hub.grpc, { clientName: 'parallel-grpc' });
    try {
      const downloads = Array.from({ length: 50 }, async (_, i) => {
        if (i % 2 === 0) return (await client.downloadDriver('popular', '3.0.0')).bytes;
        const response = await fetch(`${hub.rest}/drivers/popular/versions/3.0.0/artifact`, {
          headers: { 'user-agent': `parallel-rest-${i}` },
        });
        return Buffer.from(await response.arrayBuffer());
      });
      const received = await Promise.all(downloads);
      expect(received.filter((bytes) => bytes.equals(artifact))).toHaveLength(50);
    } finally {
      client.close();
    }
    const stats = await getJson(`${hub.rest}/drivers/popular/stats`);
    expect(stats.body.perVersion).toEqual([{ name: 'popular', version: '3.0.0', downloads: 50 }]);
    const log = await getJson(`${hub.rest}/drivers/popular/downloads?limit=1000`);
    const channels = log.body.downloads.map((d: { channel: string }) => d.channel);
    expect(channels.filter((c: string) => c === 'grpc')).toHaveLength(25);
    expect(channels.filter((c: string) => c === 'rest')).toHaveLength(25);
    expect((await getJson(`${hub.rest}/drivers/popular/versions/3.0.0`)).body.intact).toBe(true);
  });
});
