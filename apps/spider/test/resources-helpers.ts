import { JetStreamTransport } from '@cb/events';
import { testNatsUrl, uniqueName } from '@cb/testing';
import { request } from 'node:http';
import { Client } from 'pg';
import { AUTH, startSpider, type SpiderUnderTest } from './cim-helpers';

export interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface ResourceSpider {
  spider: SpiderUnderTest;
  transport: JetStreamTransport;
  subjectPrefix: string;
  /** Any method with an optional JSON body, GET included (upstream's clients send GET with a body). */
  call(method: string, path: string, body?: unknown, raw?: string): Promise<Answer>;
  /** Registers a mock connection whose credential carries `MockName` plus `extraKeys` (LatencyMs, FailOps...). */
  connect(name: string, extraKeys?: Record<string, string>): Promise<void>;
  /** Rows of an IID table, straight from PostgreSQL. */
  rows(table: string, connectionName: string): Promise<{ name_id: string; owner_name: string }[]>;
  stop(): Promise<void>;
}

/** The real spider app (spiderService over a fresh database, JetStream events) plus helpers for resource tests. */
export async function startResourceSpider(extraEnv: NodeJS.ProcessEnv = {}): Promise<ResourceSpider> {
  const subjectPrefix = `${uniqueName('res')}.`;
  const transport = await JetStreamTransport.connect(testNatsUrl(), {
    stream: uniqueName('RES').toUpperCase(),
    subjectPrefix,
  });
  const spider = await startSpider(transport, extraEnv);
  const base = new URL(spider.service.endpoints().rest!);
  const db = new Client({ connectionString: spider.db.url });
  await db.connect();
  const authorization = `Basic ${Buffer.from(`${AUTH.username}:${AUTH.password}`).toString('base64')}`;

  const call = (method: string, path: string, body?: unknown, raw?: string) =>
    new Promise<Answer>((resolve, reject) => {
      const data = raw ?? (body === undefined ? undefined : JSON.stringify(body));
      const headers: Record<string, string | number> = { authorization };
      if (data !== undefined)
        Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) });
      const req = request(
        { host: base.hostname, port: base.port, path: `${base.pathname}${path}`, method, headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            let parsed: unknown;
            try {
              parsed = text ? JSON.parse(text) : undefined;
            } catch {
              parsed = text;
            }
            resolve({ status: res.statusCode ?? 0, body: parsed });
          });
        },
      );
      req.on('error', reject);
      if (data !== undefined) req.write(data);
      req.end();
    });

  async function ok(answer: Promise<Answer>) {
    const { status, body } = await answer;
    if (status !== 200) throw new Error(`expected 200, got ${status}: ${JSON.stringify(body)}`);
  }

  return {
    spider,
    transport,
    subjectPrefix,
    call,
    async connect(name, extraKeys = {}) {
      const keys = [
        { Key: 'MockName', Value: uniqueName(name) },
        ...Object.entries(extraKeys).map(([Key, Value]) => ({ Key, Value })),
      ];
      await ok(
        call('POST', '/driver', {
          DriverName: `${name}-driver`,
          ProviderName: 'MOCK',
          DriverLibFileName: 'mock-driver-v1.0.so',
        }),
      );
      await ok(
        call('POST', '/credential', { CredentialName: `${name}-cred`, ProviderName: 'MOCK', KeyValueInfoList: keys }),
      );
      await ok(
        call('POST', '/region', {
          RegionName: `${name}-region`,
          ProviderName: 'MOCK',
          KeyValueInfoList: [{ Key: 'Region', Value: 'default' }],
        }),
      );
      await ok(
        call('POST', '/connectionconfig', {
          ConfigName: name,
          ProviderName: 'MOCK',
          DriverName: `${name}-driver`,
          CredentialName: `${name}-cred`,
          RegionName: `${name}-region`,
        }),
      );
    },
    async rows(table, connectionName) {
      const result = await db.query(
        `SELECT name_id, owner_name FROM ${table} WHERE connection_name = $1 ORDER BY name_id`,
        [connectionName],
      );
      return result.rows;
    },
    async stop() {
      await db.end();
      await spider.stop();
      await transport.close();
    },
  };
}

/** Upstream's mock VM request (full-test/mock-full_test.sh). */
export const vmRequest = (name: string, overrides: Record<string, unknown> = {}) => ({
  Name: name,
  ImageName: 'mock-vmimage-01',
  VPCName: 'vpc-01',
  SubnetName: 'subnet-01',
  SecurityGroupNames: ['sg-01'],
  VMSpecName: 'mock-vmspec-01',
  KeyPairName: 'keypair-01',
  ...overrides,
});

export const vpcRequest = (name = 'vpc-01') => ({
  Name: name,
  IPv4_CIDR: '192.168.0.0/16',
  SubnetInfoList: [{ Name: 'subnet-01', IPv4_CIDR: '192.168.1.0/24' }],
});

export const sgRequest = (name = 'sg-01', vpc = 'vpc-01') => ({
  Name: name,
  VPCName: vpc,
  SecurityRules: [{ FromPort: '1', ToPort: '65535', IPProtocol: 'tcp', Direction: 'inbound', CIDR: '0.0.0.0/0' }],
});
