import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publishDriver } from '@cb/hub-client';
import { freePort } from '@cb/runtime';
import { buildDriver } from '../../../tools/build-driver/build-driver';
import { freePlatformPorts, type PlatformPorts, type PlatformProcess, startPlatformProcess } from './platform-process';

// Drivers spider does not ship, end to end: the platform (the real `npm start` entry, as its own process,
// since spider loads the ES module artifacts and jest on Node 20 cannot) publishes the mock and a renamed
// build of it to hub; spider fetches, verifies, caches and loads what it is asked for, and uses it.
const repoRoot = join(__dirname, '../../..');
const credentials = { username: 'default', password: 'default' };
const auth = { Authorization: `Basic ${Buffer.from('default:default').toString('base64')}` };
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function platformEnv(dataDir: string, ports: PlatformPorts, postgresPort: number): NodeJS.ProcessEnv {
  // A fixed PostgreSQL port too: one the kernel picked at start could be one of the listeners' ports.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CB_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    EMBEDDED_POSTGRES_PORT: String(postgresPort),
  };
  for (const name of ['DATABASE_URL', 'CB_API_USERNAME', 'CB_API_PASSWORD']) delete env[name];
  for (const [name, port] of Object.entries(ports)) env[name] = String(port);
  return env;
}

/** Waits (bounded) for something the platform does on its own, such as handling an event. */
async function eventually<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 120; attempt++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('spider loads drivers from hub (npm start)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cb-hub-drivers-'));
  const work = mkdtempSync(join(tmpdir(), 'cb-hub-drivers-build-'));
  let ports: PlatformPorts;
  let postgresPort: number;
  let platform: PlatformProcess | undefined;
  let spider: string;
  let hub: string;

  async function call(method: string, path: string, body?: unknown) {
    const response = await fetch(`${spider}${path}`, {
      method,
      headers: { ...auth, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  }

  async function spiderDownloads(name: string): Promise<Array<{ version: string; client: string }>> {
    const response = await fetch(`${hub}/drivers/${name}/downloads`);
    const { downloads } = (await response.json()) as { downloads: Array<{ version: string; client: string }> };
    return downloads.filter((entry) => entry.client === 'spider');
  }

  /** Builds the mock under another name or version and publishes it, as a driver author would. */
  async function publishBuild(name: string, version: string) {
    const built = await buildDriver({
      packageDir: join(repoRoot, 'libs/drivers/mock'),
      name,
      version,
      outDir: join(work, `${name}-${version}`),
    });
    await publishDriver({ baseUrl: hub, ...credentials }, built.manifestPath, built.artifactPath);
    return built;
  }

  async function start() {
    platform = startPlatformProcess(platformEnv(dataDir, ports, postgresPort));
    await platform.ready;
  }

  async function stop() {
    if (!platform) return;
    platform.child.kill('SIGINT');
    expect(await platform.exited).toBe(0);
    platform = undefined;
  }

  beforeAll(async () => {
    // Run as root, the embedded PostgreSQL runs as the `postgres` user, which must be able to enter here.
    chmodSync(dataDir, 0o755);
    ports = await freePlatformPorts();
    postgresPort = await freePort();
    spider = `http://127.0.0.1:${ports.SPIDER_PORT}/spider`;
    hub = `http://127.0.0.1:${ports.HUB_PORT}/hub`;
    await start();
  }, 180_000);

  afterAll(async () => {
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }, 60_000);

  it('publishes the mock and its renamed build to hub at start-up', async () => {
    const { drivers } = (await (await fetch(`${hub}/drivers`)).json()) as { drivers: Array<Record<string, unknown>> };
    expect(drivers).toEqual(
      expect.arrayContaining([
        { name: 'mock', provider: 'MOCK', latestVersion: '1.0.0', versionCount: 1 },
        { name: 'mock-hub', provider: 'MOCK', latestVersion: '1.0.0', versionCount: 1 },
      ]),
    );
    const release = (await (await fetch(`${hub}/drivers/mock-hub/versions/1.0.0`)).json()) as Record<string, unknown>;
    expect(release).toMatchObject({ contractVersion: '1.0.0', intact: true });
    // The build is cached for the next start.
    expect(await readdir(join(dataDir, 'drivers'))).toEqual(expect.arrayContaining(['mock-hub-1.0.0.mjs']));
  });

  it('registers mock-hub-driver-v1.0.js from hub and creates a VPC and a VM through it', async () => {
    const driver = await call('POST', '/driver', {
      DriverName: 'hub-mock',
      ProviderName: 'MOCK',
      DriverLibFileName: 'mock-hub-driver-v1.0.js',
    });
    expect(driver).toEqual({
      status: 200,
      body: { DriverName: 'hub-mock', ProviderName: 'MOCK', DriverLibFileName: 'mock-hub-driver-v1.0.js' },
    });
    expect(await spiderDownloads('mock-hub')).toContainEqual(expect.objectContaining({ version: '1.0.0' }));
    const release = (await (await fetch(`${hub}/drivers/mock-hub/versions/1.0.0`)).json()) as { sha256: string };
    const [cached] = await readdir(join(dataDir, 'spider/drivers/mock-hub'));
    expect(sha256(await readFile(join(dataDir, 'spider/drivers/mock-hub', cached)))).toBe(release.sha256);

    await call('POST', '/credential', {
      CredentialName: 'hub-cred',
      ProviderName: 'MOCK',
      KeyValueInfoList: [{ Key: 'MockName', Value: 'hub-drivers-e2e' }],
    });
    await call('POST', '/region', {
      RegionName: 'hub-region',
      ProviderName: 'MOCK',
      KeyValueInfoList: [{ Key: 'Region', Value: 'default' }],
    });
    const config = await call('POST', '/connectionconfig', {
      ConfigName: 'hub-conn',
      ProviderName: 'MOCK',
      DriverName: 'hub-mock',
      CredentialName: 'hub-cred',
      RegionName: 'hub-region',
    });
    expect(config.status).toBe(200);

    const ConnectionName = 'hub-conn';
    const vpc = await call('POST', '/vpc', {
      ConnectionName,
      ReqInfo: {
        Name: 'vpc-01',
        IPv4_CIDR: '192.168.0.0/16',
        SubnetInfoList: [{ Name: 'subnet-01', IPv4_CIDR: '192.168.1.0/24' }],
      },
    });
    expect(vpc.status).toBe(200);
    expect(vpc.body.IId.NameId).toBe('vpc-01');
    const sg = await call('POST', '/securitygroup', {
      ConnectionName,
      ReqInfo: {
        Name: 'sg-01',
        VPCName: 'vpc-01',
        SecurityRules: [{ FromPort: '22', ToPort: '22', IPProtocol: 'tcp', Direction: 'inbound', CIDR: '0.0.0.0/0' }],
      },
    });
    expect(sg.status).toBe(200);
    expect((await call('POST', '/keypair', { ConnectionName, ReqInfo: { Name: 'key-01' } })).status).toBe(200);
    const vm = await call('POST', '/vm', {
      ConnectionName,
      ReqInfo: {
        Name: 'vm-01',
        ImageName: 'mock-vmimage-01',
        VPCName: 'vpc-01',
        SubnetName: 'subnet-01',
        SecurityGroupNames: ['sg-01'],
        VMSpecName: 'mock-vmspec-01',
        KeyPairName: 'key-01',
      },
    });
    expect(vm.status).toBe(200);
    expect(vm.body.IId.NameId).toBe('vm-01');
    const status = await eventually('vm-01 running', async () => {
      const answer = await call('GET', `/vmstatus/vm-01?ConnectionName=${ConnectionName}`);
      return answer.body.Status === 'Running' ? answer.body : undefined;
    });
    expect(status).toEqual({ Status: 'Running' });
  }, 60_000);

  it('refuses a driver library neither built in nor in hub, with a 404 naming it, and keeps nothing', async () => {
    const refused = await call('POST', '/driver', {
      DriverName: 'nowhere',
      ProviderName: 'MOCK',
      DriverLibFileName: 'nowhere-driver-v1.0.js',
    });
    expect(refused.status).toBe(404);
    expect(refused.body.message).toMatch(
      /driver library 'nowhere-driver-v1.0.js' is not built into spider and hub has no driver 'nowhere' \^1.0/,
    );
    expect((await call('GET', '/driver/nowhere')).status).toBe(404);
  });

  it('refuses a release whose stored bytes in hub were tampered with', async () => {
    await publishBuild('mock-tampered', '1.0.0');
    const blob = join(dataDir, 'hub', 'mock-tampered', '1.0.0.mjs');
    await writeFile(blob, `${await readFile(blob, 'utf8')}\nglobalThis.owned = true;\n`);
    const refused = await call('POST', '/driver', {
      DriverName: 'tampered',
      ProviderName: 'MOCK',
      DriverLibFileName: 'mock-tampered-driver-v1.0.js',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(
      /driver library 'mock-tampered-driver-v1.0.js' from hub was refused: .*mock-tampered 1.0.0 failed its sha256 check/,
    );
    expect((await call('GET', '/driver/tampered')).status).toBe(404);
  }, 60_000);

  it('takes a newly published compatible version of a driver in use through cb.hub.driver.published', async () => {
    const v11 = await publishBuild('mock-hub', '1.1.0');
    const fetched = await eventually('spider to fetch mock-hub 1.1.0', async () => {
      const downloads = await spiderDownloads('mock-hub');
      return downloads.find((entry) => entry.version === '1.1.0');
    });
    expect(fetched).toBeDefined();
    const cachedVersions = await eventually('the 1.1.0 artifact in spider cache', async () => {
      const files = await readdir(join(dataDir, 'spider/drivers/mock-hub'));
      return files.some((file) => file.startsWith('1.1.0-')) ? files : undefined;
    });
    const file = cachedVersions.find((name) => name.startsWith('1.1.0-'))!;
    expect(sha256(await readFile(join(dataDir, 'spider/drivers/mock-hub', file)))).toBe(v11.manifest.sha256);
    // The connection keeps working on the new build.
    const vpc = await call('POST', '/vpc', {
      ConnectionName: 'hub-conn',
      ReqInfo: {
        Name: 'vpc-02',
        IPv4_CIDR: '10.0.0.0/16',
        SubnetInfoList: [{ Name: 's-02', IPv4_CIDR: '10.0.1.0/24' }],
      },
    });
    expect(vpc.status).toBe(200);
  }, 90_000);

  it('after a restart loads the driver again on first use, replacing a tampered cached copy with verified bytes', async () => {
    const dir = join(dataDir, 'spider/drivers/mock-hub');
    const file = (await readdir(dir)).find((name) => name.startsWith('1.1.0-'))!;
    const good = await readFile(join(dir, file));
    await writeFile(join(dir, file), `${good.toString('utf8')}\nglobalThis.owned = true;\n`);
    await stop();
    await start();
    // The platform's restart does not publish again (hub has these versions).
    expect((await (await fetch(`${hub}/drivers/mock`)).json()) as object).toMatchObject({ versionCount: 1 });

    const vpc = await call('POST', '/vpc', {
      ConnectionName: 'hub-conn',
      ReqInfo: {
        Name: 'vpc-03',
        IPv4_CIDR: '10.1.0.0/16',
        SubnetInfoList: [{ Name: 's-03', IPv4_CIDR: '10.1.1.0/24' }],
      },
    });
    expect(vpc.status).toBe(200);
    expect(sha256(await readFile(join(dir, file)))).toBe(sha256(good));
  }, 240_000);
});
