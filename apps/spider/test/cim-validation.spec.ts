import { ConfigError } from '@cb/runtime';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadSpiderConfig } from '../src/config';
import { AUTH, MOCK, startSpider, type SpiderUnderTest } from './cim-helpers';
import { connectTestEvents, type TestEvents } from './cim-events-helper';

describe('spider REST edges: bad input, auth, health', () => {
  let events: TestEvents;
  let spider: SpiderUnderTest;

  beforeAll(async () => {
    events = await connectTestEvents('cim_validation');
    spider = await startSpider(events.transport);
  });
  afterAll(async () => {
    await spider?.stop();
    await events?.close();
  });

  async function rowCounts(): Promise<number[]> {
    const client = new Client({ connectionString: spider.db.url });
    await client.connect();
    try {
      const tables = ['cloud_driver_infos', 'credential_infos', 'region_infos', 'connection_config_infos'];
      return await Promise.all(
        tables.map(async (table) => Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n)),
      );
    } finally {
      await client.end();
    }
  }

  it.each([
    ['/driver', { ProviderName: 'MOCK', DriverLibFileName: 'x.so' }, /^DriverName: is required/],
    ['/driver', { ...MOCK.driver, DriverLibFileName: '  ' }, /^DriverLibFileName: is empty/],
    ['/driver', { ...MOCK.driver, ProviderName: 'NOCLOUD' }, /ProviderName 'NOCLOUD' is not a supported cloud OS/],
    ['/credential', { CredentialName: 'c', ProviderName: 'MOCK' }, /^KeyValueInfoList: is required/],
    ['/credential', { ...MOCK.credential, KeyValueInfoList: [] }, /^KeyValueInfoList: is empty/],
    [
      '/credential',
      { ...MOCK.credential, KeyValueInfoList: [{ Key: 'Profile', Value: 'aws' }] },
      /needs a non-empty 'MockName'/,
    ],
    [
      '/credential',
      { ...MOCK.credential, KeyValueInfoList: [{ Value: 'x' }] },
      /^KeyValueInfoList\[0\]\.Key: is required/,
    ],
    ['/region', { ...MOCK.region, KeyValueInfoList: [{ Key: 'Zone', Value: 'z' }] }, /needs a non-empty 'Region'/],
    ['/region', { ...MOCK.region, AvailableZoneList: 'z1' }, /^AvailableZoneList: /],
    ['/connectionconfig', { ...MOCK.config, CredentialName: undefined }, /^CredentialName: is required/],
    ['/connectionconfig', { ...MOCK.config, ConfigName: 'a/b' }, /^ConfigName: must not contain "\/"/],
  ])('POST %s with a bad body is a 400 naming the field, nothing written', async (path, body, message) => {
    const reply = await spider.call('POST', path, body);
    expect(reply.status).toBe(400);
    expect(reply.body.message).toMatch(message);
    expect(await rowCounts()).toEqual([0, 0, 0, 0]);
  });

  it('answers 400 for malformed JSON and for a body that is not an object', async () => {
    const malformed = await spider.call('POST', '/driver', undefined, { raw: '{"DriverName": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toMatch(/^malformed JSON/);
    const array = await spider.call('POST', '/driver', [MOCK.driver]);
    expect(array.status).toBe(400);
    expect(array.body.message).toMatch(/^body: /);
  });

  it('answers 413 for a 5 MB body and writes nothing', async () => {
    const huge = {
      ...MOCK.credential,
      KeyValueInfoList: [{ Key: 'MockName', Value: 'x'.repeat(5 * 1024 * 1024) }],
    };
    const reply = await spider.call('POST', '/credential', huge);
    expect(reply.status).toBe(413);
    expect(reply.body.message).toMatch(/larger than the limit/);
    expect(await rowCounts()).toEqual([0, 0, 0, 0]);
  });

  it("answers 401 {message: 'Unauthorized'} without or with wrong Basic auth", async () => {
    const none = await spider.call('GET', '/driver', undefined, { auth: false });
    expect(none.status).toBe(401);
    expect(none.body.message).toBe('Unauthorized');
    const base = spider.service.endpoints().rest!;
    const wrong = await fetch(`${base}/driver`, {
      headers: { authorization: `Basic ${Buffer.from(`${AUTH.username}:nope`).toString('base64')}` },
    });
    expect(wrong.status).toBe(401);
    const notBasic = await fetch(`${base}/driver`, { headers: { authorization: 'Bearer abc' } });
    expect(notBasic.status).toBe(401);
  });

  it('leaves health and version open', async () => {
    for (const path of ['/healthcheck', '/health', '/ping', '/readyz']) {
      const reply = await spider.call('GET', path, undefined, { auth: false });
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({ message: 'CB-Spider is ready' });
    }
    for (const path of ['/version', '/ver']) {
      const reply = await spider.call('GET', path, undefined, { auth: false });
      expect(reply.status).toBe(200);
      expect(reply.body.Version).toMatch(/^CB-Spider v\d+\.\d+\.\d+/);
    }
  });

  it('redirects a trailing slash with 301 keeping the query, and pretty-prints on ?pretty', async () => {
    const redirected = await spider.call('GET', '/driver/?provider=MOCK', undefined, { auth: false });
    expect(redirected.status).toBe(301);
    expect(redirected.headers.get('location')).toBe('/spider/driver?provider=MOCK');
    const pretty = await spider.call('GET', '/cloudos?pretty');
    expect(pretty.text).toContain('{\n  "cloudos": [\n    "AWS"');
    const compact = await spider.call('GET', '/cloudos');
    expect(compact.text.startsWith('{"cloudos":["AWS"')).toBe(true);
  });

  it('describes the CIM routes in the open OpenAPI document', async () => {
    const reply = await spider.call('GET', '/openapi.json', undefined, { auth: false });
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body.paths)).toEqual(
      expect.arrayContaining(['/cloudos', '/driver', '/credential/{CredentialName}', '/countconnectionconfig']),
    );
    expect(reply.body.paths['/connectionconfig'].post.requestBody).toBeDefined();
  });

  it("answers an unknown route with Echo's 404", async () => {
    const reply = await spider.call('GET', '/no-such-route');
    expect(reply.status).toBe(404);
    expect(reply.body.message).toBe('Not Found');
  });
});

describe('spider configuration', () => {
  const valid = {
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/spider',
    SPIDER_USERNAME: 'admin',
    SPIDER_PASSWORD: 'pw',
    CB_SECRET_KEY: randomBytes(32).toString('base64'),
  };

  function problemsOf(env: NodeJS.ProcessEnv): string {
    try {
      loadSpiderConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error('expected a ConfigError');
  }

  it('has upstream defaults for ports and host', () => {
    const config = loadSpiderConfig(valid);
    expect(config).toMatchObject({ port: 1024, grpcPort: 2048, host: '127.0.0.1' });
  });

  it('refuses to start without SPIDER_USERNAME and SPIDER_PASSWORD, as upstream', () => {
    expect(problemsOf({ ...valid, SPIDER_PASSWORD: '' })).toMatch(
      /SPIDER_USERNAME and SPIDER_PASSWORD must both be set/,
    );
    expect(problemsOf({ ...valid, SPIDER_USERNAME: undefined })).toMatch(/must both be set/);
  });

  it('names every bad variable without echoing secrets', () => {
    const message = problemsOf({
      SPIDER_PORT: 'http',
      SPIDER_USERNAME: 'u',
      SPIDER_PASSWORD: 'p',
      CB_SECRET_KEY: 'c2hvcnQta2V5',
      SPIDER_MAX_CONCURRENT_CALLS_PER_CONNECTION: '-3',
    });
    expect(message).toMatch(/SPIDER_PORT/);
    expect(message).toMatch(/DATABASE_URL: is required/);
    expect(message).toMatch(/CB_SECRET_KEY: .*32 bytes/);
    expect(message).toMatch(/SPIDER_MAX_CONCURRENT_CALLS_PER_CONNECTION/);
    expect(message).not.toContain('c2hvcnQta2V5');
    expect(problemsOf({ ...valid, CB_SECRET_KEY: undefined })).toMatch(/CB_SECRET_KEY: is required/);
  });

  it('keeps 10 database connections by default and refuses a pool the event relay would take whole', () => {
    expect(loadSpiderConfig(valid).dbPoolSize).toBe(10);
    expect(loadSpiderConfig({ ...valid, SPIDER_DB_POOL_SIZE: '40' }).dbPoolSize).toBe(40);
    expect(problemsOf({ ...valid, SPIDER_DB_POOL_SIZE: '1' })).toMatch(/SPIDER_DB_POOL_SIZE: must be at least 2/);
  });
});
