import {
  basicAuth,
  fakeArtifact,
  getJson,
  manifestOf,
  publish,
  type RunningHub,
  sha256,
  startHub,
} from './hub-harness';

describe('hub REST: publish, list, download, log, stats, delete', () => {
  let hub: RunningHub;
  const v1 = fakeArtifact('acme', '1.0.0', 100_000);
  const v2 = fakeArtifact('acme', '1.1.0');

  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(() => hub?.stop());

  it('publishes versions and answers them with their sha256 and size', async () => {
    const first = await publish(hub, manifestOf('acme', '1.0.0', { sha256: sha256(v1), size: v1.length }), v1);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ name: 'acme', version: '1.0.0', sha256: sha256(v1), size: v1.length });
    expect(first.body.publishedBy).toBe('publisher');
    expect((await publish(hub, manifestOf('acme', '1.1.0'), v2)).status).toBe(201);
  });

  it('lists drivers, one driver and its versions newest first', async () => {
    const list = await getJson(`${hub.rest}/drivers`);
    expect(list.body.drivers).toEqual([{ name: 'acme', provider: 'MOCK', latestVersion: '1.1.0', versionCount: 2 }]);
    const driver = await getJson(`${hub.rest}/drivers/acme`);
    expect(driver.body.versions.map((v: { version: string }) => v.version)).toEqual(['1.1.0', '1.0.0']);
    const versions = await getJson(`${hub.rest}/drivers/acme/versions`);
    expect(versions.body.versions[1]).toMatchObject({ version: '1.0.0', sha256: sha256(v1), intact: true });
    expect((await getJson(`${hub.rest}/drivers/nobody`)).status).toBe(404);
  });

  it('answers a retried upload of the same bytes with the existing release, and refuses other bytes with 409', async () => {
    const again = await publish(hub, manifestOf('acme', '1.0.0'), v1);
    expect(again.status).toBe(200);
    expect(again.body.sha256).toBe(sha256(v1));
    const other = await publish(hub, manifestOf('acme', '1.0.0'), fakeArtifact('acme', 'other'));
    expect(other.status).toBe(409);
    expect(other.body.message).toMatch(/already published.*immutable/);
  });

  it('downloads the bytes with Digest and ETag headers that match them', async () => {
    const response = await fetch(`${hub.rest}/drivers/acme/versions/1.0.0/artifact`, {
      headers: { 'user-agent': 'spec-client/1' },
    });
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.equals(v1)).toBe(true);
    expect(response.headers.get('etag')).toBe(`"sha256-${sha256(v1)}"`);
    expect(response.headers.get('digest')).toBe(`sha-256=${Buffer.from(sha256(bytes), 'hex').toString('base64')}`);
    expect(response.headers.get('content-length')).toBe(String(v1.length));
  });

  it('serves latest and semver ranges as the newest matching version', async () => {
    const latest = await fetch(`${hub.rest}/drivers/acme/versions/latest/artifact`);
    expect(Buffer.from(await latest.arrayBuffer()).equals(v2)).toBe(true);
    const ranged = await getJson(`${hub.rest}/drivers/acme/versions/${encodeURIComponent('~1.0.0')}`);
    expect(ranged.body.version).toBe('1.0.0');
  });

  it('does not count a download the caller already has (If-None-Match)', async () => {
    const response = await fetch(`${hub.rest}/drivers/acme/versions/1.0.0/artifact`, {
      headers: { 'if-none-match': `"sha256-${sha256(v1)}"` },
    });
    expect(response.status).toBe(304);
  });

  it('logs every download (who, client, version) and counts them per version and per day', async () => {
    const log = await getJson(`${hub.rest}/drivers/acme/downloads`);
    expect(log.body.downloads).toHaveLength(2);
    expect(log.body.downloads[1]).toMatchObject({ version: '1.0.0', client: 'spec-client/1', channel: 'rest' });
    expect(log.body.downloads[0]).toMatchObject({ version: '1.1.0' });
    const stats = await getJson(`${hub.rest}/drivers/acme/stats`);
    expect(stats.body).toMatchObject({
      name: 'acme',
      total: 2,
      perVersion: [
        { name: 'acme', version: '1.0.0', downloads: 1 },
        { name: 'acme', version: '1.1.0', downloads: 1 },
      ],
    });
    const today = new Date().toISOString().slice(0, 10);
    expect(stats.body.perDay).toEqual([{ day: today, downloads: 2 }]);
    expect((await getJson(`${hub.rest}/stats`)).body.total).toBe(2);
  });

  it('lets only the publisher publish and delete', async () => {
    const anonymous = await publish(hub, manifestOf('acme', '2.0.0'), v2, null);
    expect(anonymous.status).toBe(401);
    const wrong = await publish(
      hub,
      manifestOf('acme', '2.0.0'),
      v2,
      basicAuth({ username: 'publisher', password: 'x' }),
    );
    expect(wrong.status).toBe(401);
    const del = await fetch(`${hub.rest}/drivers/acme/versions/1.0.0`, { method: 'DELETE' });
    expect(del.status).toBe(401);
    expect((await getJson(`${hub.rest}/drivers/acme/versions`)).body.versions).toHaveLength(2);
  });

  it('deletes one version, then the whole driver, and their bytes', async () => {
    const one = await getJson(`${hub.rest}/drivers/acme/versions/1.0.0`, {
      method: 'DELETE',
      headers: { authorization: basicAuth() },
    });
    expect(one.status).toBe(200);
    expect((await fetch(`${hub.rest}/drivers/acme/versions/1.0.0/artifact`)).status).toBe(404);
    expect((await getJson(`${hub.rest}/drivers/acme/versions`)).body.versions).toHaveLength(1);
    const all = await getJson(`${hub.rest}/drivers/acme`, {
      method: 'DELETE',
      headers: { authorization: basicAuth() },
    });
    expect(all.body.deleted.map((r: { version: string }) => r.version)).toEqual(['1.1.0']);
    expect((await getJson(`${hub.rest}/drivers`)).body.drivers).toEqual([]);
    // The log outlives the versions, for history.
    expect((await getJson(`${hub.rest}/stats`)).body.total).toBe(2);
  });

  it('serves its OpenAPI document and health openly', async () => {
    const doc = await getJson(`${hub.rest}/openapi.json`);
    expect(Object.keys(doc.body.paths)).toContain('/drivers/{name}/versions/{version}/artifact');
    expect((await getJson(`${hub.rest}/health`)).body).toEqual({ message: 'CB-Hub is ready' });
    expect((await getJson(`${hub.rest}/readyz`)).body).toEqual({ message: 'CB-Hub is ready' });
    expect((await getJson(`${hub.rest}/version`)).body.version).toMatch(/^CB-Hub/);
    expect((await getJson(`${hub.rest}/nowhere`)).body).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.any(String),
    });
  });
});
