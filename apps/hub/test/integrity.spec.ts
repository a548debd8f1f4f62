import { createHubClient, type HubClient } from '@cb/hub-client';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fakeArtifact, getJson, manifestOf, publish, type RunningHub, startHub } from './hub-harness';

describe('hub: a tampered blob in storage is detected at download', () => {
  let hub: RunningHub;
  let client: HubClient;

  beforeAll(async () => {
    hub = await startHub();
    client = createHubClient(hub.grpc, { retries: 0 });
  });
  afterAll(async () => {
    client?.close();
    await hub?.stop();
  });

  const tamper = async (name: string, version: string, change: (bytes: Buffer) => Buffer) => {
    const path = join(hub.storageDir, name, `${version}.mjs`);
    await writeFile(path, change(await readFile(path)));
  };

  it('answers 500 naming the corrupt release when a small blob was changed, and withholds it afterwards', async () => {
    await publish(hub, manifestOf('small', '1.0.0'), fakeArtifact('small', '1.0.0'));
    await tamper('small', '1.0.0', (bytes) => Buffer.from(bytes.toString().replace('small', 'evil!')));
    const first = await getJson(`${hub.rest}/drivers/small/versions/1.0.0/artifact`);
    expect(first.status).toBe(500);
    expect(first.body.message).toMatch(/stored artifact of small 1.0.0 failed its sha256 check/);
    const release = await getJson(`${hub.rest}/drivers/small/versions/1.0.0`);
    expect(release.status).toBe(500);
    expect((await getJson(`${hub.rest}/drivers/small/versions`)).body.versions[0].intact).toBe(false);
    expect((await getJson(`${hub.rest}/drivers/small/stats`)).body.total).toBe(0);
  });

  it('cuts a large download short, never handing out the whole tampered blob', async () => {
    const original = fakeArtifact('large', '1.0.0', 1_000_000);
    await publish(hub, manifestOf('large', '1.0.0'), original);
    await tamper('large', '1.0.0', (bytes) => {
      bytes[bytes.length - 10] ^= 1;
      return bytes;
    });
    const response = await fetch(`${hub.rest}/drivers/large/versions/1.0.0/artifact`);
    expect(response.status).toBe(200); // the headers went out before the end was reached
    await expect(response.arrayBuffer()).rejects.toThrow();
    expect((await getJson(`${hub.rest}/drivers/large/versions`)).body.versions[0].intact).toBe(false);
  });

  it('fails the gRPC download of a tampered blob with INTERNAL naming it', async () => {
    await publish(hub, manifestOf('grpc-tamper', '1.0.0'), fakeArtifact('grpc-tamper', '1.0.0', 300_000));
    await tamper('grpc-tamper', '1.0.0', (bytes) => Buffer.concat([bytes, Buffer.from('// appended')]));
    await expect(client.downloadDriver('grpc-tamper', 'latest')).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringMatching(/grpc-tamper 1.0.0 failed its sha256 check/),
    });
    // 'latest' now skips it: there is no intact version left.
    await expect(client.downloadDriver('grpc-tamper', 'latest')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('serves a verified download over gRPC: release first, then the exact bytes', async () => {
    const bytes = fakeArtifact('grpc-ok', '2.1.0', 200_000);
    await publish(hub, manifestOf('grpc-ok', '2.1.0'), bytes);
    const downloaded = await client.downloadDriver('grpc-ok', '^2.0.0');
    expect(downloaded.bytes.equals(bytes)).toBe(true);
    expect(downloaded.release.manifest).toMatchObject({ name: 'grpc-ok', version: '2.1.0', provider: 'MOCK' });
    const log = await getJson(`${hub.rest}/drivers/grpc-ok/downloads`);
    expect(log.body.downloads).toEqual([
      expect.objectContaining({ version: '2.1.0', client: 'hub-client', channel: 'grpc' }),
    ]);
    const info = await client.getDriver('grpc-ok');
    expect(info.driver).toMatchObject({ name: 'grpc-ok', latestVersion: '2.1.0', versionCount: 1 });
    await expect(client.listVersions('nobody')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
