import { Readable } from 'node:stream';
import pino from 'pino';
import { createGateway, type Gateway } from '../src/gateway';
import { basic, call } from './support/http-client';
import { writeKongFile } from './support/kong-file';
import { startUpstream, type EchoedRequest, type UpstreamServer } from './support/upstream-server';

const kongYml = `
_format_version: "3.0"
services:
  - name: api
    url: http://api:1024
    routes:
      - name: basic
        paths: [/basic]
        plugins: [{ name: basic-auth, config: { hide_credentials: true } }]
      - name: keyed
        paths: [/keyed]
        plugins: [{ name: key-auth, config: { key_names: [x-api-key], hide_credentials: true } }]
      - name: limited
        paths: [/limited]
        plugins:
          - { name: basic-auth }
          - { name: rate-limiting, config: { minute: 3, hour: 100, limit_by: consumer } }
      - name: small
        paths: [/small]
        plugins: [{ name: request-size-limiting, config: { allowed_payload_size: 1, size_unit: kilobytes } }]
      - name: tracked
        paths: [/tracked]
        plugins: [{ name: correlation-id, config: { header_name: Kong-Request-ID, echo_downstream: false } }]
      - name: open
        paths: [/open]
consumers:
  - username: ops
    basicauth_credentials: [{ username: ops, password: pw }]
    keyauth_credentials: [{ key: key-123, id: 7f1c2f4e-57a6-4a8b-9a0c-2f3b7a9d8e11 }]
plugins:
  - name: correlation-id
    config: { header_name: X-Request-Id, generator: uuid, echo_downstream: true }
  - name: cors
    config:
      origins: [http://console.example.com, "http://.*\\\\.dev\\\\.example\\\\.com"]
      headers: [Authorization, Content-Type]
      exposed_headers: [X-Request-Id]
      credentials: true
      max_age: 600
`;

describe('the gateway plugins', () => {
  let api: UpstreamServer;
  let gateway: Gateway;
  let file: { path: string; remove(): void };
  let clock = Date.UTC(2026, 0, 1, 10, 0, 5);

  beforeAll(async () => {
    api = await startUpstream('api');
    file = writeKongFile(kongYml);
    gateway = createGateway({
      configPath: file.path,
      listenHost: '127.0.0.1',
      port: 0,
      upstreamOverrides: { api: api.url },
      logger: pino({ level: 'silent' }),
      now: () => clock,
    });
    await gateway.start();
  });

  afterAll(async () => {
    await gateway.stop();
    await api.close();
    file.remove();
  });

  describe('basic-auth', () => {
    it('answers 401 without or with wrong credentials', async () => {
      for (const headers of [{}, { authorization: basic('ops', 'wrong') }, { authorization: 'Basic !!!' }]) {
        const reply = await call(gateway.port, '/basic/x', { headers });
        expect(reply.status).toBe(401);
        expect(reply.json()).toEqual({ message: 'Unauthorized' });
      }
    });

    it('passes with the consumer credentials, hiding them when told to', async () => {
      const reply = await call(gateway.port, '/basic/x', { headers: { authorization: basic('ops', 'pw') } });
      expect(reply.status).toBe(200);
      const seen = reply.json<EchoedRequest>();
      expect(seen.headers.authorization).toBeUndefined();
      expect(seen.headers).toMatchObject({ 'x-consumer-username': 'ops', 'x-credential-identifier': 'ops' });
    });
  });

  describe('key-auth', () => {
    it('tells a missing key from a wrong one, as Kong does', async () => {
      const missing = await call(gateway.port, '/keyed/x');
      expect(missing.status).toBe(401);
      expect(missing.json()).toEqual({ message: 'No API key found in request' });
      const wrong = await call(gateway.port, '/keyed/x', { headers: { 'x-api-key': 'nope' } });
      expect(wrong.status).toBe(401);
      expect(wrong.json()).toEqual({ message: 'Unauthorized' });
    });

    it('accepts the key from a header or the query string and hides it', async () => {
      const byHeader = await call(gateway.port, '/keyed/x', { headers: { 'x-api-key': 'key-123' } });
      expect(byHeader.status).toBe(200);
      expect(byHeader.json<EchoedRequest>().headers['x-api-key']).toBeUndefined();
      const byQuery = await call(gateway.port, '/keyed/x?x-api-key=key-123&keep=1');
      expect(byQuery.status).toBe(200);
      expect(byQuery.json<EchoedRequest>().url).toBe('/x?keep=1'); // strip_path defaults to true;
      expect(byQuery.json<EchoedRequest>().headers['x-credential-identifier']).toBe(
        '7f1c2f4e-57a6-4a8b-9a0c-2f3b7a9d8e11',
      );
    });
  });

  describe('cors', () => {
    it('answers a preflight itself, before any auth', async () => {
      const reply = await call(gateway.port, '/basic/x', {
        method: 'OPTIONS',
        headers: { origin: 'http://console.example.com', 'access-control-request-method': 'DELETE' },
      });
      expect(reply.status).toBe(200);
      expect(reply.headers).toMatchObject({
        'access-control-allow-origin': 'http://console.example.com',
        'access-control-allow-credentials': 'true',
        'access-control-allow-headers': 'Authorization,Content-Type',
        'access-control-max-age': '600',
      });
      expect(reply.headers['access-control-allow-methods']).toContain('DELETE');
      expect(api.received.some((r) => r.method === 'OPTIONS')).toBe(false);
    });

    it('allows origins matching a pattern and names none for others', async () => {
      const allowed = await call(gateway.port, '/open', { headers: { origin: 'http://app.dev.example.com' } });
      expect(allowed.headers['access-control-allow-origin']).toBe('http://app.dev.example.com');
      expect(allowed.headers['access-control-expose-headers']).toBe('X-Request-Id');
      const refused = await call(gateway.port, '/open', { headers: { origin: 'http://evil.example.org' } });
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('correlation-id', () => {
    it('generates an id, sends it upstream and echoes it back', async () => {
      const reply = await call(gateway.port, '/open');
      const id = reply.headers['x-request-id'] as string;
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(reply.json<EchoedRequest>().headers['x-request-id']).toBe(id);
    });

    it('keeps the id the caller sent', async () => {
      const reply = await call(gateway.port, '/open', { headers: { 'x-request-id': 'caller-42' } });
      expect(reply.headers['x-request-id']).toBe('caller-42');
      expect(reply.json<EchoedRequest>().headers['x-request-id']).toBe('caller-42');
    });

    it('lets a route-level entry replace the global one (uuid#counter by default)', async () => {
      const first = (await call(gateway.port, '/tracked')).json<EchoedRequest>().headers['kong-request-id'];
      const second = (await call(gateway.port, '/tracked')).json<EchoedRequest>().headers['kong-request-id'];
      const [base, counter] = String(first).split('#');
      expect(second).toBe(`${base}#${Number(counter) + 1}`);
    });
  });

  describe('rate-limiting', () => {
    const asOps = { authorization: basic('ops', 'pw') };

    it('answers 429 with Kong headers once the window is used up, and again after it turns', async () => {
      const replies = [];
      for (let i = 0; i < 4; i += 1) replies.push(await call(gateway.port, '/limited/x', { headers: asOps }));
      expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 429]);
      expect(replies[0].headers).toMatchObject({
        'ratelimit-limit': '3',
        'ratelimit-remaining': '2',
        'ratelimit-reset': '55',
        'x-ratelimit-limit-minute': '3',
        'x-ratelimit-remaining-minute': '2',
        'x-ratelimit-limit-hour': '100',
        'x-ratelimit-remaining-hour': '99',
      });
      const limited = replies[3];
      expect(limited.json()).toEqual({ message: 'API rate limit exceeded' });
      expect(limited.headers).toMatchObject({ 'ratelimit-remaining': '0', 'retry-after': '55' });

      clock += 60_000;
      const next = await call(gateway.port, '/limited/x', { headers: asOps });
      expect(next.status).toBe(200);
      expect(next.headers['x-ratelimit-remaining-hour']).toBe('96');
    });
  });

  describe('request-size-limiting', () => {
    it('answers 413 for a declared body over the limit', async () => {
      const reply = await call(gateway.port, '/small', { method: 'POST', body: Buffer.alloc(2048) });
      expect(reply.status).toBe(413);
      expect(reply.json()).toEqual({ message: 'Request size limit exceeded' });
    });

    it('stops a chunked body when it goes over the limit', async () => {
      const reply = await call(gateway.port, '/small', {
        method: 'POST',
        body: Readable.from([Buffer.alloc(700), Buffer.alloc(700)]),
      });
      expect(reply.status).toBe(413);
      expect(reply.json()).toEqual({ message: 'Request size limit exceeded' });
    });

    it('lets a body within the limit through', async () => {
      const reply = await call(gateway.port, '/small', { method: 'POST', body: Buffer.alloc(1024) });
      expect(reply.status).toBe(200);
      expect(reply.json<EchoedRequest>().bodyBytes).toBe(1024);
    });
  });
});
