import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkHealth, listServicesByReflection } from '@cb/grpc';
import { freePort } from '@cb/runtime';
import { freePlatformPorts, interruptLeftovers, type PlatformPorts, startPlatformProcess } from './platform-process';

// `npm start` end to end: the real entry point as a child process, with an embedded PostgreSQL
// (DATABASE_URL removed) whose data must survive a restart, and the gateway in front.
const auth = { Authorization: `Basic ${Buffer.from('default:default').toString('base64')}` };

function platformEnv(dataDir: string, ports: PlatformPorts, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CB_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.CB_API_USERNAME;
  delete env.CB_API_PASSWORD;
  for (const [name, port] of Object.entries(ports)) env[name] = String(port);
  // The test's own settings last, so that the ones removed above can be given on purpose.
  return { ...env, ...extra };
}

function postgresProcessesFor(dataDir: string): number {
  const lines = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n');
  return lines.filter((line) => line.includes('postgres') && line.includes(dataDir)).length;
}

describe('the platform (npm start)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cb-platform-'));
  let ports: PlatformPorts;

  beforeAll(async () => {
    // Run as root, the embedded PostgreSQL runs as the `postgres` user, which must be able to enter here.
    chmodSync(dataDir, 0o755);
    ports = await freePlatformPorts();
  });

  afterAll(() => {
    interruptLeftovers();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts, serves every running service through the gateway, stops cleanly, and keeps its data', async () => {
    const first = startPlatformProcess(platformEnv(dataDir, ports));
    const banner = await first.ready;
    const gateway = `http://127.0.0.1:${ports.GATEWAY_PORT}`;
    expect(banner).toContain(gateway);
    expect(banner).toContain('user default / password default');
    expect(banner).toMatch(/embedded PostgreSQL/);
    expect(banner).toMatch(/NATS JetStream|in-process/);

    // Every service the banner lists answers readyz through the gateway, without credentials too.
    const running = ['spider', 'tumblebug', 'mc-meta', 'hub'].filter((name) => banner.includes(`  ${name} `));
    expect(running).toContain('spider');
    for (const name of running) {
      const base = name === 'mc-meta' ? 'mcmeta' : name;
      const withAuth = await fetch(`${gateway}/${base}/readyz`, { headers: auth });
      expect({ name, status: withAuth.status }).toEqual({ name, status: 200 });
      expect((await fetch(`${gateway}/${base}/readyz`)).status).toBe(200);
    }

    // Everything else needs the credentials.
    const anonymous = await fetch(`${gateway}/spider/connectionconfig`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ message: 'Unauthorized' });

    // gRPC: every port the banner lists answers health SERVING and lists its services by reflection.
    const grpcPorts = [...banner.matchAll(/gRPC (127\.0\.0\.1:\d+)/g)].map((match) => match[1]);
    expect(grpcPorts).toContain(`127.0.0.1:${ports.SPIDER_GRPC_PORT}`);
    for (const address of grpcPorts) {
      expect({ address, health: await checkHealth(address) }).toEqual({ address, health: 'SERVING' });
      const services = await listServicesByReflection(address);
      expect(services.some((name) => name.startsWith('cb.'))).toBe(true);
    }
    expect(await listServicesByReflection(`127.0.0.1:${ports.SPIDER_GRPC_PORT}`)).toContain(
      'cb.spider.v1.SpiderService',
    );

    // Something to find again after a restart.
    const created = await fetch(`${gateway}/spider/driver`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        DriverName: 'persisted-driver',
        ProviderName: 'MOCK',
        DriverLibFileName: 'mock-driver-v1.0.so',
      }),
    });
    expect(created.status).toBe(200);

    // Ctrl-C: the whole process group gets SIGINT. The services stop first, the database last: none
    // of them loses its database while it is still stopping.
    first.interrupt();
    expect(await first.exited).toBe(0);
    expect(postgresProcessesFor(dataDir)).toBe(0);
    expect(first.output()).not.toMatch(/terminating connection due to administrator command|again, exiting now/);

    const second = startPlatformProcess(platformEnv(dataDir, ports));
    await second.ready;
    const again = await fetch(`${gateway}/spider/driver/persisted-driver`, { headers: auth });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ DriverName: 'persisted-driver', ProviderName: 'MOCK' });
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(postgresProcessesFor(dataDir)).toBe(0);
  }, 180_000);

  it('uses CB_API_USERNAME / CB_API_PASSWORD for the gateway and the services alike', async () => {
    const platform = startPlatformProcess(
      platformEnv(dataDir, ports, { CB_API_USERNAME: 'ops', CB_API_PASSWORD: 'Str0ng-pass' }),
    );
    const banner = await platform.ready;
    expect(banner).toContain('user ops / password Str0ng-pass');
    const gateway = `http://127.0.0.1:${ports.GATEWAY_PORT}`;
    const ops = { Authorization: `Basic ${Buffer.from('ops:Str0ng-pass').toString('base64')}` };
    expect((await fetch(`${gateway}/spider/connectionconfig`, { headers: ops })).status).toBe(200);
    expect((await fetch(`${gateway}/spider/connectionconfig`, { headers: auth })).status).toBe(401);
    platform.child.kill('SIGINT');
    expect(await platform.exited).toBe(0);
  }, 120_000);

  it('refuses a malformed DATABASE_URL, naming the variable', async () => {
    const bad = startPlatformProcess({ ...platformEnv(dataDir, ports), DATABASE_URL: 'mysql://nope' });
    expect(await bad.exited).not.toBe(0);
    expect(bad.output()).toMatch(/DATABASE_URL/);
  });

  it('refuses a DATABASE_URL whose server does not answer, naming the variable', async () => {
    const port = await freePort();
    const bad = startPlatformProcess({
      ...platformEnv(dataDir, ports),
      DATABASE_URL: `postgres://cb:s3cr3t@127.0.0.1:${port}/postgres`,
    });
    expect(await bad.exited).not.toBe(0);
    expect(bad.output()).toContain(
      `cannot connect to PostgreSQL at postgres://cb:***@127.0.0.1:${port}/postgres (DATABASE_URL)`,
    );
    expect(bad.output()).not.toContain('s3cr3t');
  });

  it('refuses a kong.yml with an unknown plugin, naming it', async () => {
    const kong = join(dataDir, 'bad-kong.yml');
    writeFileSync(
      kong,
      '_format_version: "3.0"\nservices:\n  - name: spider\n    url: http://spider:1024\n    routes: [{ name: r, paths: [/spider] }]\nplugins:\n  - name: acme-teleport\n',
    );
    const bad = startPlatformProcess(platformEnv(dataDir, ports, { KONG_CONFIG: kong }));
    expect(await bad.exited).not.toBe(0);
    expect(bad.output()).toMatch(/acme-teleport/);
    expect(postgresProcessesFor(dataDir)).toBe(0);
  }, 120_000);

  it('refuses a bad port, naming the variable', async () => {
    const bad = startPlatformProcess({ ...platformEnv(dataDir, ports), GATEWAY_PORT: 'eighty' });
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toMatch(/GATEWAY_PORT/);
  });
});
