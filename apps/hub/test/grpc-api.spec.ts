import { checkHealth, listServicesByReflection } from '@cb/grpc';
import { createHubClient, type HubClient } from '@cb/hub-client';
import { fakeArtifact, manifestOf, publish, type RunningHub, startHub } from './hub-harness';

describe('hub gRPC API (cb.hub.v1.HubService)', () => {
  let hub: RunningHub;
  let client: HubClient;

  beforeAll(async () => {
    hub = await startHub();
    client = createHubClient(hub.grpc, { clientName: 'grpc-api-spec' });
    await publish(hub, manifestOf('alpha', '1.0.0'), fakeArtifact('alpha', '1.0.0'));
    await publish(hub, manifestOf('alpha', '1.2.0'), fakeArtifact('alpha', '1.2.0'));
    await publish(hub, manifestOf('beta', '0.1.0'), fakeArtifact('beta', '0.1.0'));
  });
  afterAll(async () => {
    client?.close();
    await hub?.stop();
  });

  it('answers health SERVING and lists HubService by reflection', async () => {
    await expect(checkHealth(hub.grpc)).resolves.toBe('SERVING');
    await expect(checkHealth(hub.grpc, 'cb.hub.v1.HubService')).resolves.toBe('SERVING');
    await expect(listServicesByReflection(hub.grpc)).resolves.toEqual(['cb.hub.v1.HubService']);
  });

  it('lists every driver with its newest version', async () => {
    const drivers = await client.listDrivers();
    expect(
      drivers.map(({ name, provider, latestVersion, versionCount }) => ({
        name,
        provider,
        latestVersion,
        versionCount,
      })),
    ).toEqual([
      { name: 'alpha', provider: 'MOCK', latestVersion: '1.2.0', versionCount: 2 },
      { name: 'beta', provider: 'MOCK', latestVersion: '0.1.0', versionCount: 1 },
    ]);
  });

  it('counts downloads per version and per day, of one driver and of all', async () => {
    await client.downloadDriver('alpha', '1.0.0');
    await client.downloadDriver('alpha', 'latest');
    await client.downloadDriver('alpha', 'latest');
    await client.downloadDriver('beta');
    const alpha = await client.stats('alpha');
    expect(alpha.total).toBe(3n);
    expect(alpha.perVersion.map(({ version, downloads }) => [version, downloads])).toEqual([
      ['1.0.0', 1n],
      ['1.2.0', 2n],
    ]);
    const today = new Date().toISOString().slice(0, 10);
    expect(alpha.perDay.map(({ day, downloads }) => [day, downloads])).toEqual([[today, 3n]]);
    const all = await client.stats();
    expect(all.total).toBe(4n);
    expect(all.perVersion.map(({ name }) => name)).toEqual(['alpha', 'alpha', 'beta']);
  });

  it('refuses a bad driver name with INVALID_ARGUMENT naming it', async () => {
    await expect(client.stats('../etc')).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/'..\/etc' is not a driver name/),
    });
  });
});
