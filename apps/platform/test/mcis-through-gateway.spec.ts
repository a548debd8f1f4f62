import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, type LocalNats, startNatsServer } from '@cb/runtime';
import { freePlatformPorts, type PlatformProcess, startPlatformProcess } from './platform-process';

// The MCIS scenario end to end through the gateway: the real `npm start` entry as its own process
// (embedded PostgreSQL, a NATS server of this test's own), every call with HTTP Basic through the gateway,
// spider's mock acting as three clouds (one credential per profile), tumblebug driving it.
jest.setTimeout(300_000);

const auth = `Basic ${Buffer.from('default:default').toString('base64')}`;
const NS = 'gwns';
/** One mock "cloud" per profile, each in one of that profile's regions. */
const CLOUDS = [
  { conn: 'gw-aws', profile: 'aws', region: 'ap-northeast-2', instanceType: /^[a-z0-9-]+\.[a-z0-9]+$/ },
  { conn: 'gw-gcp', profile: 'gcp', region: 'asia-northeast3', instanceType: /^[a-z0-9]+-[a-z0-9-]+$/ },
  { conn: 'gw-azure', profile: 'azure', region: 'koreacentral', instanceType: /^Standard_/ },
];

interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('MCIS through the gateway (npm start, three mock clouds)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cb-mcis-gateway-'));
  let nats: LocalNats | undefined;
  let platform: PlatformProcess | undefined;
  let gateway: string;
  /** Per connection: a spec and an image fetched into tumblebug's system namespace. */
  const catalog: Record<string, { specId: string; imageId: string }> = {};

  async function api(method: string, path: string, body?: unknown): Promise<Reply> {
    const response = await fetch(`${gateway}${path}`, {
      method,
      headers: { authorization: auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text for the failure message
    }
    return { status: response.status, body: parsed };
  }

  async function ok(method: string, path: string, body?: unknown, status = 200): Promise<Reply['body']> {
    const reply = await api(method, path, body);
    if (reply.status !== status) {
      throw new Error(`${method} ${path}: expected ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
    }
    return reply.body;
  }

  /** Polls (the test's clock, not an assertion on time) until `check` holds or the attempts run out. */
  async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, attempts = 300): Promise<T> {
    let value = await read();
    for (let i = 0; i < attempts && !check(value); i++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      value = await read();
    }
    return value;
  }

  const tb = (path: string) => `/tumblebug${path}`;
  const statusOf = async (id: string): Promise<string> =>
    (await ok('GET', tb(`/ns/${NS}/mci/${id}?option=status`))).status.status;
  const reaches = async (id: string, wanted: string) =>
    expect(
      await eventually(
        () => statusOf(id),
        (status) => status === wanted,
      ),
    ).toBe(wanted);
  const spiderVms = async (conn: string): Promise<string[]> => {
    const body = await ok('GET', `/spider/vmstatus?ConnectionName=${conn}`);
    return ((body.vmstatus ?? []) as Array<{ IId: { NameId: string } }>).map((vm) => vm.IId.NameId);
  };

  beforeAll(async () => {
    // Run as root, the embedded PostgreSQL runs as the `postgres` user, which must be able to enter here.
    chmodSync(dataDir, 0o755);
    const ports = await freePlatformPorts();
    // Its own JetStream: durable consumers on a NATS shared with other platforms would take our events.
    nats = await startNatsServer({ port: await freePort() });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CB_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NATS_URL: nats.url,
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      // Quicker MCIS loops than production's (read from tumblebug's validated configuration).
      TB_MCIS_STATUS_TICK_MS: '200',
      TB_MCIS_SETTLED_POLL_MS: '1000',
      TB_MCIS_WORK_TICK_MS: '100',
    };
    for (const name of ['DATABASE_URL', 'CB_API_USERNAME', 'CB_API_PASSWORD', 'CB_SERVICE_TOKEN']) delete env[name];
    for (const [name, port] of Object.entries(ports)) env[name] = String(port);
    gateway = `http://127.0.0.1:${ports.GATEWAY_PORT}`;
    platform = startPlatformProcess(env);
    const banner = await platform.ready;
    expect(banner).toMatch(/ {2}tumblebug /);
    expect(banner).toMatch(/embedded PostgreSQL/);
    expect(banner).toContain(`NATS JetStream at ${nats.url} (from NATS_URL)`);
  });

  afterAll(async () => {
    if (platform && platform.child.exitCode === null) {
      platform.child.kill('SIGINT');
      await platform.exited;
    }
    await nats?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('needs the credentials at the gateway', async () => {
    const anonymous = await fetch(`${gateway}/tumblebug/ns`);
    expect(anonymous.status).toBe(401);
  });

  it('registers three mock clouds in spider, which tumblebug learns from its events', async () => {
    await ok('POST', '/spider/driver', {
      DriverName: 'gw-mock-driver',
      ProviderName: 'MOCK',
      DriverLibFileName: 'mock-driver-v1.0.so',
    });
    for (const { conn, profile, region } of CLOUDS) {
      await ok('POST', '/spider/credential', {
        CredentialName: `${conn}-cred`,
        ProviderName: 'MOCK',
        KeyValueInfoList: [
          { Key: 'MockName', Value: `${conn}-${Date.now().toString(36)}` },
          { Key: 'Profile', Value: profile },
          // A small catalog keeps the fetch short; the shapes are the profile's.
          { Key: 'SpecsPerRegion', Value: '3' },
          { Key: 'ImagesPerRegion', Value: '3' },
        ],
      });
      await ok('POST', '/spider/region', {
        RegionName: `${conn}-region`,
        ProviderName: 'MOCK',
        KeyValueInfoList: [{ Key: 'Region', Value: region }],
      });
      await ok('POST', '/spider/connectionconfig', {
        ConfigName: conn,
        ProviderName: 'MOCK',
        DriverName: 'gw-mock-driver',
        CredentialName: `${conn}-cred`,
        RegionName: `${conn}-region`,
      });
    }
    for (const { conn, region } of CLOUDS) {
      const known = await eventually(
        () => api('GET', tb(`/connConfig/${conn}`)),
        (reply) => reply.status === 200,
      );
      expect(known.status).toBe(200);
      expect(known.body).toMatchObject({ configName: conn, regionZoneInfo: { assignedRegion: region } });
    }
  });

  it("fetches each cloud's specs and images into tumblebug's system namespace", async () => {
    for (const { conn, region, instanceType } of CLOUDS) {
      expect((await ok('POST', tb('/fetchSpecs'), { connectionName: conn }, 202)).registeredSpecs).toBe(3);
      expect((await ok('POST', tb('/fetchImages'), { connectionName: conn }, 202)).registeredImages).toBe(3);
      const query = `?filterKey=connectionName&filterVal=${conn}`;
      const specs = (await ok('GET', tb(`/ns/system/resources/spec${query}`))).spec as Array<{
        id: string;
        cspSpecName: string;
      }>;
      const images = (await ok('GET', tb(`/ns/system/resources/image${query}`))).image as Array<{ id: string }>;
      expect([specs.length, images.length]).toEqual([3, 3]);
      // Each profile's own instance types, under upstream's provider+region+type ids.
      for (const spec of specs) {
        expect(spec.cspSpecName).toMatch(instanceType);
        expect(spec.id).toBe(`mock+${region}+${spec.cspSpecName.toLowerCase()}`);
      }
      catalog[conn] = { specId: specs[0].id, imageId: images[0].id };
    }
  });

  it('creates a namespace with a network, security group and key per cloud', async () => {
    await ok('POST', tb('/ns'), { name: NS, description: 'through the gateway' });
    for (const { conn } of CLOUDS) {
      await ok(
        'POST',
        tb(`/ns/${NS}/resources/vNet`),
        {
          name: `${conn}-net`,
          connectionName: conn,
          cidrBlock: '10.0.0.0/16',
          subnetInfoList: [{ name: `${conn}-sub`, ipv4_CIDR: '10.0.1.0/24' }],
        },
        201,
      );
      await ok('POST', tb(`/ns/${NS}/resources/securityGroup`), {
        name: `${conn}-sg`,
        connectionName: conn,
        vNetId: `${conn}-net`,
        firewallRules: [{ Direction: 'inbound', Protocol: 'TCP', Ports: '22', CIDR: '0.0.0.0/0' }],
      });
      await ok('POST', tb(`/ns/${NS}/resources/sshKey`), { name: `${conn}-key`, connectionName: conn });
    }
  });

  it('creates a static MCIS of three subGroups over the three clouds and one with mciDynamic; both run', async () => {
    const subGroups = CLOUDS.map(({ conn }, i) => ({
      name: `g${i + 1}`,
      subGroupSize: 1,
      connectionName: conn,
      ...catalog[conn],
      vNetId: `${conn}-net`,
      subnetId: `${conn}-sub`,
      securityGroupIds: [`${conn}-sg`],
      sshKeyId: `${conn}-key`,
    }));
    const created = await ok('POST', tb(`/ns/${NS}/mci`), { name: 'mci01', subGroups });
    expect(created.vm).toHaveLength(3);
    const dynamic = await ok('POST', tb(`/ns/${NS}/mcisDynamic`), {
      name: 'dyn01',
      subGroups: [{ name: 'd1', subGroupSize: 2, ...catalog['gw-gcp'] }],
    });
    expect(dynamic.vm).toHaveLength(2);

    await reaches('mci01', 'Running:3 (R:3/3)');
    await reaches('dyn01', 'Running:2 (R:2/2)');
    const info = await ok('GET', tb(`/ns/${NS}/mci/mci01`));
    expect(info.vm.map((vm: { connectionName: string }) => vm.connectionName).sort()).toEqual(
      CLOUDS.map(({ conn }) => conn).sort(),
    );
    for (const { conn } of CLOUDS) expect(await spiderVms(conn)).toHaveLength(conn === 'gw-gcp' ? 3 : 1);
    const shared = await ok('GET', tb(`/ns/${NS}/mcis/dyn01/associatedResources`));
    expect(shared.vNetIds).toEqual([`${NS}-shared-gw-gcp`]);
  });

  it('suspends and resumes the MCIS (through the mcis alias) and reboots one VM', async () => {
    expect((await ok('GET', tb(`/ns/${NS}/control/mcis/mci01?action=suspend`))).message).toBe('Suspending the MCI');
    await reaches('mci01', 'Suspended:3 (R:0/3)');
    await ok('GET', tb(`/ns/${NS}/control/mcis/mci01?action=resume`));
    await reaches('mci01', 'Running:3 (R:3/3)');

    await ok('GET', tb(`/ns/${NS}/control/mci/mci01/vm/g2-1?action=reboot`));
    const vm = await eventually(
      () => ok('GET', tb(`/ns/${NS}/mci/mci01/vm/g2-1?option=status`)),
      (status) => status.status === 'Running' && status.targetAction === 'None',
    );
    expect(vm).toMatchObject({ status: 'Running', targetAction: 'None' });
  });

  it('scales a subGroup out by 2', async () => {
    const answer = await ok('POST', tb(`/ns/${NS}/mcis/mci01/subgroup/g1`), { numVMsToAdd: 2 });
    expect(answer.newVmList).toEqual(['g1-2', 'g1-3']);
    await reaches('mci01', 'Running:5 (R:5/5)');
    expect(await spiderVms('gw-aws')).toHaveLength(3);
  });

  it('terminates and deletes both, leaving no VM in spider, and then the namespace can go', async () => {
    // The static one: terminate, then delete the Terminated MCIS; the dynamic one in one call.
    expect((await api('DELETE', tb(`/ns/${NS}/mci/mci01`))).status).toBe(409);
    await ok('GET', tb(`/ns/${NS}/control/mci/mci01?action=terminate`));
    await reaches('mci01', 'Terminated:5 (R:0/5)');
    await ok('DELETE', tb(`/ns/${NS}/mci/mci01`));
    expect([200, 202]).toContain((await api('DELETE', tb(`/ns/${NS}/mcis/dyn01?option=terminate`))).status);
    const left = await eventually(
      async () => (await ok('GET', tb(`/ns/${NS}/mci?option=id`))).output as string[],
      (ids) => ids.length === 0,
    );
    expect(left).toEqual([]);
    for (const { conn } of CLOUDS) {
      expect(await spiderVms(conn)).toEqual([]);
      expect((await ok('GET', `/spider/vm?ConnectionName=${conn}`)).vm ?? []).toEqual([]);
    }

    for (const type of ['sshKey', 'securityGroup', 'vNet']) {
      const removed = await ok('DELETE', tb(`/ns/${NS}/resources/${type}?match=`));
      expect(removed.failedCount).toBe(0);
    }
    await ok('DELETE', tb(`/ns/${NS}`));
    expect((await api('GET', tb(`/ns/${NS}`))).status).toBe(404);
  });
});
