import { readFileSync } from 'node:fs';
import pino from 'pino';
import { DEFAULT_KONG_CONFIG } from '../src/config';
import { createGateway, type Gateway } from '../src/gateway';
import { parseKongFile } from '../src/kong/load-kong-config';
import { basic, call } from './support/http-client';
import { startUpstream, type EchoedRequest, type UpstreamServer } from './support/upstream-server';

const file = parseKongFile(readFileSync(DEFAULT_KONG_CONFIG, 'utf8'));
const routesOfFile = file.services.flatMap((service) =>
  service.routes.map((route) => ({
    service: service.name,
    route: route.name as string,
    paths: route.paths ?? [],
    open: !route.plugins.some((p) => p.name === 'basic-auth'),
  })),
);

describe('deploy/kong/kong.yml', () => {
  it('is Kong 3.0 declarative config routing every service of the platform', () => {
    expect(file._format_version).toBe('3.0');
    const firstPathOf = (service: string) => routesOfFile.filter((r) => r.service === service).flatMap((r) => r.paths);
    expect(firstPathOf('spider')).toContain('/spider');
    expect(firstPathOf('tumblebug')).toContain('/tumblebug');
    expect(firstPathOf('mcmeta')).toContain('/mcmeta');
    expect(firstPathOf('hub')).toContain('/hub');
    expect(firstPathOf('waterstrider')).toContain('/');
  });

  it('declares the platform plugins', () => {
    const names = new Set([
      ...file.plugins.map((p) => p.name),
      ...file.services.flatMap((s) => [...s.plugins, ...s.routes.flatMap((r) => r.plugins)].map((p) => p.name)),
    ]);
    for (const plugin of ['basic-auth', 'cors', 'correlation-id', 'rate-limiting', 'request-size-limiting']) {
      expect(names).toContain(plugin);
    }
  });
});

describe('the embedded gateway serving deploy/kong/kong.yml', () => {
  const upstreams = new Map<string, UpstreamServer>();
  let gateway: Gateway;
  const auth = { authorization: basic('default', 'default') };

  beforeAll(async () => {
    for (const service of file.services) upstreams.set(service.name, await startUpstream(service.name));
    gateway = createGateway({
      configPath: DEFAULT_KONG_CONFIG,
      listenHost: '127.0.0.1',
      port: 0,
      upstreamOverrides: Object.fromEntries([...upstreams].map(([name, server]) => [name, server.url])),
      logger: pino({ level: 'silent' }),
    });
    await gateway.start();
  });

  afterAll(async () => {
    await gateway.stop();
    await Promise.all([...upstreams.values()].map((u) => u.close()));
  });

  it('serves exactly the routes of the file', () => {
    expect(gateway.routes.map((r) => r.name)).toEqual(routesOfFile.map((r) => r.route));
  });

  const everyPath = routesOfFile.flatMap((r) => r.paths.map((path) => [r.route, path, r.service] as const));
  it.each(everyPath)('route %s: %s reaches service %s at the same path', async (_route, path, service) => {
    const reply = await call(gateway.port, path, { headers: auth });
    expect(reply.status).toBe(200);
    const echoed = reply.json<EchoedRequest>();
    expect(echoed.service).toBe(service);
    expect(echoed.url).toBe(path);
  });

  const openPaths = routesOfFile.filter((r) => r.open).flatMap((r) => r.paths);
  it.each(openPaths)('%s is open without credentials', async (path) => {
    const reply = await call(gateway.port, path);
    expect(reply.status).toBe(200);
  });

  it.each(['/spider/connectionconfig', '/tumblebug/ns', '/mcmeta/images', '/hub/drivers', '/spider'])(
    '%s answers 401 without credentials, as Kong does',
    async (path) => {
      const reply = await call(gateway.port, path);
      expect(reply.status).toBe(401);
      expect(reply.json()).toEqual({ message: 'Unauthorized' });
      expect(reply.headers['www-authenticate']).toMatch(/^Basic realm=/);
    },
  );

  it('keeps the caller credentials on the way upstream, for the services to check them too', async () => {
    const reply = await call(gateway.port, '/tumblebug/ns?option=id', { headers: auth });
    const echoed = reply.json<EchoedRequest>();
    expect(echoed.url).toBe('/tumblebug/ns?option=id');
    expect(echoed.headers.authorization).toBe(auth.authorization);
    expect(echoed.headers['x-consumer-username']).toBe('default');
  });

  it('refuses a health path to anything but GET or HEAD without credentials', async () => {
    const reply = await call(gateway.port, '/spider/readyz', { method: 'POST', body: '{}' });
    expect(reply.status).toBe(401);
  });

  it('gives every request an X-Request-Id and echoes it back', async () => {
    const reply = await call(gateway.port, '/spider/readyz');
    const id = reply.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(reply.json<EchoedRequest>().headers['x-request-id']).toBe(id);
  });
});

describe('the gateway credentials from the environment', () => {
  it('replace the file consumer credentials', async () => {
    const spider = await startUpstream('spider');
    const gateway = createGateway({
      configPath: DEFAULT_KONG_CONFIG,
      listenHost: '127.0.0.1',
      port: 0,
      upstreamOverrides: { spider: spider.url },
      consumerOverrides: { default: { basicauthCredentials: [{ username: 'operator', password: 's3cret' }] } },
      logger: pino({ level: 'silent' }),
    });
    await gateway.start();
    try {
      const withDefault = await call(gateway.port, '/spider/vm', {
        headers: { authorization: basic('default', 'default') },
      });
      const withOverride = await call(gateway.port, '/spider/vm', {
        headers: { authorization: basic('operator', 's3cret') },
      });
      expect(withDefault.status).toBe(401);
      expect(withOverride.status).toBe(200);
    } finally {
      await gateway.stop();
      await spider.close();
    }
  });
});
