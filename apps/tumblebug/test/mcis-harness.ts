import { JetStreamTransport } from '@cb/events';
import type { RunningService } from '@cb/runtime';
import { spiderService } from '@cb/spider';
import { createLogger } from '@cb/telemetry';
import { createTestDatabase, testNatsUrl, uniqueName, type TestDatabase } from '@cb/testing';
import { randomBytes } from 'node:crypto';
import { tumblebugService } from '../src';

export interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const AUTH = `Basic ${Buffer.from('default:default').toString('base64')}`;

export async function call(base: string, method: string, path: string, body?: unknown, raw?: string): Promise<Reply> {
  const payload = raw ?? (body === undefined ? undefined : JSON.stringify(body));
  const headers: Record<string, string> = { authorization: AUTH };
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}${path}`, { method, headers, body: payload });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return { status: response.status, body: parsed };
}

export async function ok(reply: Promise<Reply>, status = 200): Promise<Reply['body']> {
  const answer = await reply;
  if (answer.status !== status)
    throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export const quietLogger = () => createLogger('test', { level: 'error' });

/** A real spider (fresh database, REST + gRPC) with mock connections; events over a per-suite JetStream stream. */
export interface SpiderUnderTest {
  service: RunningService;
  transport: JetStreamTransport;
  /** The suite's stream, as CB_EVENTS_STREAM / CB_EVENTS_SUBJECT_PREFIX for a service started as a process. */
  eventStreamEnv: { CB_EVENTS_STREAM: string; CB_EVENTS_SUBJECT_PREFIX: string };
  db: TestDatabase;
  rest: string;
  grpc: string;
  connect(name: string, region: string, extraKeys?: Record<string, string>): Promise<void>;
  vmNames(connectionName: string): Promise<string[]>;
  /** VMs the (mock) cloud has that spider does not know: orphans a failed or interrupted creation left. */
  cloudOnlyVms(connectionName: string): Promise<string[]>;
  stop(): Promise<void>;
}

export async function startSpider(extraEnv: Record<string, string> = {}): Promise<SpiderUnderTest> {
  const eventStreamEnv = {
    CB_EVENTS_STREAM: uniqueName('MCIS').toUpperCase(),
    CB_EVENTS_SUBJECT_PREFIX: `${uniqueName('mcis')}.`,
  };
  const transport = await JetStreamTransport.connect(testNatsUrl(), {
    stream: eventStreamEnv.CB_EVENTS_STREAM,
    subjectPrefix: eventStreamEnv.CB_EVENTS_SUBJECT_PREFIX,
  });
  const db = await createTestDatabase('mcis_spider');
  const service = await spiderService.create(
    {
      SPIDER_PORT: '0',
      SPIDER_GRPC_PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: db.url,
      SPIDER_USERNAME: 'default',
      SPIDER_PASSWORD: 'default',
      CB_SECRET_KEY: randomBytes(32).toString('base64'),
      ...extraEnv,
    },
    { events: transport, logger: quietLogger() },
  );
  await service.start();
  const rest = service.endpoints().rest!;
  return {
    service,
    transport,
    eventStreamEnv,
    db,
    rest,
    grpc: service.endpoints().grpc!,
    async connect(name, region, extraKeys = {}) {
      const keys = [
        { Key: 'MockName', Value: uniqueName(name) },
        ...Object.entries(extraKeys).map(([Key, Value]) => ({ Key, Value })),
      ];
      await ok(
        call(rest, 'POST', '/driver', {
          DriverName: `${name}-driver`,
          ProviderName: 'MOCK',
          DriverLibFileName: 'mock-driver-v1.0.so',
        }),
      );
      await ok(
        call(rest, 'POST', '/credential', {
          CredentialName: `${name}-cred`,
          ProviderName: 'MOCK',
          KeyValueInfoList: keys,
        }),
      );
      await ok(
        call(rest, 'POST', '/region', {
          RegionName: `${name}-region`,
          ProviderName: 'MOCK',
          KeyValueInfoList: [{ Key: 'Region', Value: region }],
        }),
      );
      await ok(
        call(rest, 'POST', '/connectionconfig', {
          ConfigName: name,
          ProviderName: 'MOCK',
          DriverName: `${name}-driver`,
          CredentialName: `${name}-cred`,
          RegionName: `${name}-region`,
        }),
      );
    },
    async vmNames(connectionName) {
      const body = await ok(call(rest, 'GET', `/vmstatus?ConnectionName=${connectionName}`));
      return ((body.vmstatus ?? []) as { IId: { NameId: string } }[]).map((s) => s.IId.NameId).sort();
    },
    async cloudOnlyVms(connectionName) {
      const body = await ok(call(rest, 'GET', `/allvm?ConnectionName=${connectionName}`));
      return ((body.AllList.OnlyCSPList ?? []) as { SystemId: string }[]).map((iid) => iid.SystemId);
    },
    async stop() {
      await service.stop();
      await transport.close();
      await db.drop();
    },
  };
}

/** Registers, in a tumblebug namespace, one vNet/subnet, security group, key, spec and image per connection. */
export async function prepareNamespace(tb: string, nsId: string, connections: string[]) {
  await ok(call(tb, 'POST', '/ns', { name: nsId, description: 'mcis tests' }));
  for (const conn of connections) {
    await ok(
      call(tb, 'POST', `/ns/${nsId}/resources/vNet`, {
        name: `${conn}-net`,
        connectionName: conn,
        cidrBlock: '10.0.0.0/16',
        subnetInfoList: [{ name: `${conn}-sub`, ipv4_CIDR: '10.0.1.0/24' }],
      }),
      201,
    );
    await ok(
      call(tb, 'POST', `/ns/${nsId}/resources/securityGroup`, {
        name: `${conn}-sg`,
        connectionName: conn,
        vNetId: `${conn}-net`,
        firewallRules: [{ Direction: 'inbound', Protocol: 'TCP', Ports: '22', CIDR: '0.0.0.0/0' }],
      }),
    );
    await ok(call(tb, 'POST', `/ns/${nsId}/resources/sshKey`, { name: `${conn}-key`, connectionName: conn }));
    await ok(
      call(tb, 'POST', `/ns/${nsId}/resources/spec`, {
        name: `${conn}-spec`,
        connectionName: conn,
        cspSpecName: 'mock-vmspec-01',
      }),
    );
    await ok(
      call(tb, 'POST', `/ns/${nsId}/resources/image`, {
        name: `${conn}-img`,
        connectionName: conn,
        cspImageName: 'mock-vmimage-01',
      }),
    );
  }
}

/** A connection for startMcisPlatform: its name, the mock region, and extra credential keys (faults, latency). */
export type TestConnection = [name: string, region: string, extraKeys?: Record<string, string>];

/**
 * The usual MCIS suite's platform: spider with `connections` registered, tumblebug over it (with `env`), and the
 * namespace `nsId` prepared with each connection's resources (see prepareNamespace).
 */
export async function startMcisPlatform(nsId: string, connections: TestConnection[], env: Record<string, string> = {}) {
  const spider = await startSpider();
  for (const [name, region, extraKeys] of connections) await spider.connect(name, region, extraKeys);
  const tumblebug = await startTumblebug(spider, env);
  await prepareNamespace(
    tumblebug.rest,
    nsId,
    connections.map(([name]) => name),
  );
  return { spider, tumblebug, tb: tumblebug.rest };
}

export const staticGroup = (conn: string, name: string, size: number) => ({
  name,
  subGroupSize: size,
  connectionName: conn,
  specId: `${conn}-spec`,
  imageId: `${conn}-img`,
  vNetId: `${conn}-net`,
  subnetId: `${conn}-sub`,
  securityGroupIds: [`${conn}-sg`],
  sshKeyId: `${conn}-key`,
});

/**
 * An MCIS as one line per VM (id, status, target action, last error) after its own status line: printed by a
 * test whose wait for a status ran out, so the report says which VM kept it and why.
 */
export async function mcisReport(tb: string, nsId: string, mcisId: string): Promise<string> {
  const { status, body } = await call(tb, 'GET', `/ns/${nsId}/mci/${mcisId}`);
  if (status !== 200) return `GET ${mcisId}: ${status}`;
  const vms = (body.vm ?? []).map(
    (vm: Record<string, string>) => `  ${vm.id} ${vm.status} target=${vm.targetAction} ${vm.systemMessage ?? ''}`,
  );
  return [`${mcisId}: ${body.status} target=${body.targetAction}`, ...vms].join('\n');
}

/** Polls (the test's clock, not an assertion on time) until `check` holds or the attempts run out. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, attempts = 300): Promise<T> {
  let value = await read();
  for (let i = 0; i < attempts && !check(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}

export interface TumblebugUnderTest {
  service: RunningService;
  rest: string;
  db: TestDatabase;
  stop(): Promise<void>;
}

/** tumblebug in this process over its own fresh database, talking to `spider` over gRPC. */
export async function startTumblebug(
  spider: SpiderUnderTest,
  extraEnv: Record<string, string> = {},
): Promise<TumblebugUnderTest> {
  const db = await createTestDatabase('mcis_tb');
  const service = await tumblebugService.create(
    {
      TB_PORT: '0',
      TB_GRPC_PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: db.url,
      SPIDER_GRPC_ADDRESS: spider.grpc,
      CB_SECRET_KEY: randomBytes(32).toString('base64'),
      // Quicker MCIS loops than production's, so the tests' polls see changes soon.
      TB_MCIS_STATUS_TICK_MS: '200',
      TB_MCIS_SETTLED_POLL_MS: '1000',
      TB_MCIS_WORK_TICK_MS: '100',
      ...extraEnv,
    },
    { events: spider.transport, logger: quietLogger() },
  );
  await service.start();
  return {
    service,
    db,
    rest: service.endpoints().rest!,
    async stop() {
      await service.stop();
      await db.drop();
    },
  };
}
