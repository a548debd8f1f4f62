import { readdir } from 'node:fs/promises';
import { Client } from 'pg';
import { fakeArtifact, manifestOf, publish, type RunningHub, sha256, startHub } from './hub-harness';

const LIMIT = 64 * 1024;

describe('hub REST: refusing bad releases with a 4xx that names the problem', () => {
  let hub: RunningHub;
  const artifact = fakeArtifact('refused', '1.0.0');

  beforeAll(async () => {
    hub = await startHub({ HUB_MAX_ARTIFACT_BYTES: String(LIMIT) });
  });
  afterAll(() => hub?.stop());

  afterEach(async () => {
    // Nothing half-written: no row, no stored or staged file.
    const client = new Client({ connectionString: hub.db.url });
    await client.connect();
    const { rows } = await client.query('SELECT count(*)::int AS n FROM hub_driver_versions');
    await client.end();
    expect(rows[0].n).toBe(0);
    const files = await readdir(hub.storageDir, { recursive: true, withFileTypes: true });
    expect(files.filter((f) => f.isFile()).map((f) => f.name)).toEqual([]);
  });

  it('refuses a corrupted artifact (sha256 differs from the manifest)', async () => {
    const { status, body } = await publish(
      hub,
      manifestOf('refused', '1.0.0', { sha256: sha256('other bytes') }),
      artifact,
    );
    expect(status).toBe(400);
    expect(body.message).toMatch(/artifact is corrupted: its sha256 is [0-9a-f]{64}, the manifest says/);
  });

  it('refuses a truncated artifact (size differs from the manifest)', async () => {
    const { status, body } = await publish(
      hub,
      manifestOf('refused', '1.0.0', { size: artifact.length + 10 }),
      artifact,
    );
    expect(status).toBe(400);
    expect(body.message).toMatch(/it has \d+ bytes, the manifest says/);
  });

  it('cuts off an artifact larger than the limit with 413', async () => {
    const { status, body } = await publish(hub, manifestOf('refused', '1.0.0'), Buffer.alloc(LIMIT * 3, 'a'));
    expect(status).toBe(413);
    expect(body).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: `artifact is larger than the limit of ${LIMIT} bytes`,
    });
  });

  it.each([
    ['not JSON', '{name:', /manifest is not valid JSON/],
    ['a name with a path in it', manifestOf('../etc', '1.0.0'), /manifest.name '..\/etc' is not a driver name/],
    ['an upper-case name', manifestOf('Acme', '1.0.0'), /is not a driver name/],
    ['a version that is not semver', manifestOf('refused', '1.0'), /manifest.version '1.0' is not a semver version/],
    ['a lower-case provider', manifestOf('refused', '1.0.0', { provider: 'mock' }), /upper case.*ProviderName/s],
    [
      'a contract version from the future',
      manifestOf('refused', '1.0.0', { contractVersion: '2.0.0' }),
      /contract version 2.0.0 is not compatible/,
    ],
    [
      'capabilities missing a flag',
      manifestOf('refused', '1.0.0', { capabilities: { VMHandler: true } }),
      /Capabilities/,
    ],
    ['no provider', { ...manifestOf('refused', '1.0.0'), provider: undefined }, /provider/],
  ])('refuses a manifest with %s', async (_case, manifest, message) => {
    const { status, body } = await publish(hub, manifest, artifact);
    expect(status).toBe(400);
    expect(body.code).toBe('INVALID_ARGUMENT');
    expect(body.message).toMatch(message);
  });

  it('refuses an empty artifact, a missing part and a body that is not multipart', async () => {
    expect((await publish(hub, manifestOf('refused', '1.0.0'), Buffer.alloc(0))).body.message).toBe(
      'artifact is empty',
    );
    const form = new FormData();
    form.append('manifest', JSON.stringify(manifestOf('refused', '1.0.0')));
    const missing = await fetch(`${hub.rest}/drivers`, {
      method: 'POST',
      body: form,
      headers: { authorization: auth() },
    });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { message: string }).message).toMatch(/'artifact' part is missing/);
    const json = await fetch(`${hub.rest}/drivers`, {
      method: 'POST',
      body: '{}',
      headers: { authorization: auth(), 'content-type': 'application/json' },
    });
    expect(json.status).toBe(400);
    expect(((await json.json()) as { message: string }).message).toMatch(/not a multipart upload/);
  });
});

const auth = () => `Basic ${Buffer.from('publisher:pa55-word').toString('base64')}`;
