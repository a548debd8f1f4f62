import { createHash } from 'node:crypto';
import http from 'node:http';
import { Readable } from 'node:stream';
import pino from 'pino';
import { createGateway, type Gateway } from '../src/gateway';
import { call } from './support/http-client';
import { writeKongFile } from './support/kong-file';
import { closedPort, startUpstream, type EchoedRequest, type UpstreamServer } from './support/upstream-server';

const kongYml = (down: number) => `
_format_version: "3.0"
services:
  - name: api
    url: http://api.internal:9000/base
    read_timeout: 2000
    routes:
      - { name: stripped, paths: [/api], strip_path: true }
      - { name: kept, paths: [/keep], strip_path: false, preserve_host: true }
      - { name: longer, paths: [/api/v2], strip_path: true }
  - name: root
    host: root.internal
    port: 9001
    routes:
      - { name: everything-else, paths: [/] }
      - { name: by-host, hosts: [console.example.com], paths: [/], strip_path: false, preserve_host: true }
  - name: gone
    url: http://127.0.0.1:${down}
    retries: 1
    routes:
      - { name: gone, paths: [/gone] }
`;

describe('the gateway proxy', () => {
  let api: UpstreamServer;
  let root: UpstreamServer;
  let gateway: Gateway;
  let file: { path: string; remove(): void };

  beforeAll(async () => {
    [api, root] = await Promise.all([startUpstream('api'), startUpstream('root')]);
    file = writeKongFile(kongYml(await closedPort()));
    gateway = createGateway({
      configPath: file.path,
      listenHost: '127.0.0.1',
      port: 0,
      upstreamOverrides: { api: api.url, root: root.url },
      logger: pino({ level: 'silent' }),
    });
    await gateway.start();
  });

  afterAll(async () => {
    await gateway.stop();
    await Promise.all([api.close(), root.close()]);
    file.remove();
  });

  const echoed = async (path: string, headers: http.OutgoingHttpHeaders = {}) => {
    const reply = await call(gateway.port, path, { headers });
    expect(reply.status).toBe(200);
    return reply.json<EchoedRequest>();
  };

  it('strips the matched prefix and puts the service path in front', async () => {
    expect((await echoed('/api/vm/1?x=a%20b')).url).toBe('/base/vm/1?x=a%20b');
    expect((await echoed('/api')).url).toBe('/base');
  });

  it('keeps the path when strip_path is false', async () => {
    expect((await echoed('/keep/me')).url).toBe('/base/keep/me');
  });

  it('picks the longest matching prefix', async () => {
    expect((await echoed('/api/v2/things')).url).toBe('/base/things');
  });

  it('sends the upstream host, or the caller host with preserve_host', async () => {
    const rewritten = await echoed('/api/x', { host: 'gw.example.com:8000' });
    expect(rewritten.headers.host).toBe(`127.0.0.1:${api.port}`);
    const preserved = await echoed('/keep/x', { host: 'gw.example.com:8000' });
    expect(preserved.headers.host).toBe('gw.example.com:8000');
  });

  it('adds the X-Forwarded headers Kong adds', async () => {
    const seen = await echoed('/api/x', { host: 'gw.example.com:8000', 'x-forwarded-for': '10.0.0.9' });
    expect(seen.headers).toMatchObject({
      'x-forwarded-for': '10.0.0.9, 127.0.0.1',
      'x-forwarded-proto': 'http',
      'x-forwarded-host': 'gw.example.com',
      'x-forwarded-port': String(gateway.port),
      'x-forwarded-prefix': '/api',
      'x-forwarded-path': '/api/x',
      'x-real-ip': '127.0.0.1',
    });
    const kept = await echoed('/keep/x', { 'x-forwarded-prefix': '/spoofed' });
    expect(kept.headers['x-forwarded-prefix']).toBeUndefined();
  });

  it('prefers a route that also matches the host', async () => {
    // Only by-host preserves the Host header, which tells the two routes apart.
    const byHost = await echoed('/page', { host: 'console.example.com' });
    expect(byHost.headers.host).toBe('console.example.com');
    const byPath = await echoed('/page', { host: 'other.example.com' });
    expect(byPath.headers.host).toBe(`127.0.0.1:${root.port}`);
    // everything-else strips "/" (strip_path defaults to true) and its service has no path.
    expect(byPath.url).toBe('/page');
  });

  it('answers 502 like Kong when the upstream is down', async () => {
    const reply = await call(gateway.port, '/gone/anything');
    expect(reply.status).toBe(502);
    expect(reply.json()).toEqual({ message: 'An invalid response was received from the upstream server' });
  });

  it('answers 504 like Kong when the upstream does not answer in read_timeout', async () => {
    const reply = await call(gateway.port, '/api/slow');
    expect(reply.status).toBe(504);
    expect(reply.json()).toEqual({ message: 'The upstream server is timing out' });
  });

  it('streams a large upload through without changing a byte', async () => {
    const size = 48 * 1024 * 1024;
    const hash = createHash('sha256');
    let produced = 0;
    const body = new Readable({
      read() {
        if (produced >= size) return this.push(null);
        const chunk = Buffer.alloc(256 * 1024, produced % 251);
        produced += chunk.length;
        hash.update(chunk);
        this.push(chunk);
      },
    });
    // No Content-Length: the body goes chunked, as a streaming client sends it.
    const reply = await call(gateway.port, '/api/upload', { method: 'PUT', body });
    expect(reply.status).toBe(200);
    const seen = reply.json<EchoedRequest>();
    expect(seen.bodyBytes).toBe(size);
    expect(seen.bodySha256).toBe(hash.digest('hex'));
  });

  it('streams a large download through', async () => {
    const size = 64 * 1024 * 1024;
    const received = await new Promise<number>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: gateway.port, path: `/api/download/${size}`, agent: false }, (res) => {
          let bytes = 0;
          res.on('data', (chunk: Buffer) => (bytes += chunk.length));
          res.on('end', () => resolve(bytes));
          res.on('error', reject);
        })
        .on('error', reject);
    });
    expect(received).toBe(size);
  });
});

describe('a gateway without a matching route', () => {
  it('answers 404 with Kong message', async () => {
    const file = writeKongFile(
      `_format_version: "3.0"\nservices:\n  - name: a\n    url: http://127.0.0.1:1\n    routes: [{ name: a, paths: [/a] }]\n`,
    );
    const gateway = createGateway({
      configPath: file.path,
      listenHost: '127.0.0.1',
      port: 0,
      logger: pino({ level: 'silent' }),
    });
    await gateway.start();
    try {
      const reply = await call(gateway.port, '/b');
      expect(reply.status).toBe(404);
      expect(reply.json()).toEqual({ message: 'no Route matched with those values' });
    } finally {
      await gateway.stop();
      file.remove();
    }
  });
});
