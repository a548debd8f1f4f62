import { SpiderClient } from '@cb/spider-client';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { startResourceSpider, type ResourceSpider, sgRequest, vmRequest, vpcRequest } from './resources-helpers';

// Distinctive values, so finding one anywhere can only mean it leaked.
const unique = () => randomBytes(6).toString('hex');
const SECRETS = {
  mockName: `mockname-${unique()}-s3cret`,
  seed: `seed-${unique()}-s3cret`,
  badKnob: `knob-${unique()}-s3cret`,
  awsId: `AKIA${unique().toUpperCase()}S3CRET`,
  awsSecret: `aws-${unique()}-s3cret-key`,
};

/**
 * Credential values never leave spider unmasked: not in a REST or gRPC answer (errors included), not in a
 * log line, not in an event (delivered over JetStream or waiting in the outbox), not in the call history.
 * A whole working session runs first, so every path a value could take is walked.
 */
describe('credential values appear in no answer, log line, event or call record', () => {
  let rs: ResourceSpider;
  let grpc: SpiderClient;
  const answers: string[] = [];
  const events: { subject: string; text: string }[] = [];

  const call = async (method: string, path: string, body?: unknown) => {
    const answer = await rs.call(method, path, body);
    answers.push(JSON.stringify(answer.body) ?? '');
    return answer;
  };
  const ok = async (method: string, path: string, body?: unknown) => {
    const answer = await call(method, path, body);
    if (answer.status !== 200) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const grpcCall = async <T>(work: () => Promise<T>) => {
    try {
      answers.push(JSON.stringify(await work()) ?? '');
    } catch (error) {
      answers.push(`${(error as Error).message} ${JSON.stringify(error)}`);
    }
  };

  async function registerConnection(name: string, provider: string, lib: string, keys: Record<string, string>) {
    await ok('POST', '/driver', { DriverName: `${name}-driver`, ProviderName: provider, DriverLibFileName: lib });
    const KeyValueInfoList = Object.entries(keys).map(([Key, Value]) => ({ Key, Value }));
    const credential = { CredentialName: `${name}-cred`, ProviderName: provider, KeyValueInfoList };
    await ok('POST', '/credential', credential);
    await ok('POST', '/credential', credential); // a re-register (upsert) answers too
    const region = provider === 'MOCK' ? 'default' : 'ap-northeast-2';
    await ok('POST', '/region', {
      RegionName: `${name}-region`,
      ProviderName: provider,
      KeyValueInfoList: [{ Key: 'Region', Value: region }],
    });
    await ok('POST', '/connectionconfig', {
      ConfigName: name,
      ProviderName: provider,
      DriverName: `${name}-driver`,
      CredentialName: `${name}-cred`,
      RegionName: `${name}-region`,
    });
  }

  beforeAll(async () => {
    rs = await startResourceSpider();
    await rs.transport.subscribe(`secrets_${unique()}`, ['cb.spider.>'], async (event) => {
      events.push({ subject: event.subject, text: Buffer.from(event.data).toString('latin1') });
    });
    grpc = new SpiderClient(rs.spider.service.endpoints().grpc!, { deadlineMs: 30_000 });

    const C = 'sec-mock';
    await registerConnection(C, 'MOCK', 'mock-driver-v1.0.so', { MockName: SECRETS.mockName, Seed: SECRETS.seed });
    await registerConnection('sec-knob', 'MOCK', 'mock-driver-v1.0.so', {
      MockName: `${SECRETS.mockName}-2`,
      FailureRate: SECRETS.badKnob,
    });
    await registerConnection('sec-aws', 'AWS', 'aws-driver-v1.0.so', {
      ClientId: SECRETS.awsId,
      ClientSecret: SECRETS.awsSecret,
    });

    for (const path of ['/credential', '/credential/sec-mock-cred', '/credential?provider=AWS', '/connectionconfig']) {
      await ok('GET', path);
    }
    await ok('POST', '/vpc', { ConnectionName: C, ReqInfo: vpcRequest() });
    await ok('POST', '/securitygroup', { ConnectionName: C, ReqInfo: sgRequest() });
    await ok('POST', '/keypair', { ConnectionName: C, ReqInfo: { Name: 'keypair-01' } });
    await ok('POST', '/vm', { ConnectionName: C, ReqInfo: vmRequest('vm-01') });
    for (const path of ['/vm', '/vmstatus', '/vm/vm-01', '/regionzone', '/driver/capability', '/allvm']) {
      await ok('GET', `${path}?ConnectionName=${C}`);
    }
    await ok('GET', `/controlvm/vm-01?ConnectionName=${C}&action=suspend`);
    await ok('DELETE', '/vm/vm-01', { ConnectionName: C });

    // Refusals: a bad knob value fails the driver's connect, an unloaded driver fails the resolve.
    expect((await call('POST', '/vpc', { ConnectionName: 'sec-knob', ReqInfo: vpcRequest() })).status).toBe(400);
    expect((await call('GET', '/vpc?ConnectionName=sec-aws')).status).toBeGreaterThanOrEqual(400);
    expect((await call('POST', '/credential', { CredentialName: 'x', ProviderName: 'AWS' })).status).toBe(400);
    const unknownKey = {
      CredentialName: 'x',
      ProviderName: 'AWS',
      KeyValueInfoList: [{ Key: 'Bogus', Value: SECRETS.awsSecret }],
    };
    expect((await call('POST', '/credential', unknownKey)).status).toBe(400);

    await grpcCall(() => grpc.listConnectionConfigs());
    await grpcCall(() => grpc.getConnectionConfig(C));
    await grpcCall(() => grpc.listVpcs(C));
    await grpcCall(() => grpc.listVpcs('sec-knob'));
    await grpcCall(() => grpc.getVpc('sec-aws', 'vpc-01'));

    await ok('GET', '/callhistory?limit=1000');
    await ok('GET', '/callhistory/stats');
    await ok('DELETE', '/connectionconfig/sec-aws');
    // Delivery is asynchronous (outbox relay, JetStream): wait for the last event, bounded by the test timeout.
    while (!events.some((e) => e.subject.endsWith('cb.spider.connection.deleted'))) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  afterAll(async () => {
    grpc?.close();
    await rs?.stop();
  });

  /** The secrets found in `text`, by name. */
  const leaked = (text: string) => Object.entries(SECRETS).filter(([, value]) => text.includes(value));

  it('walked the paths a value could take: answers, log lines, events', () => {
    expect(answers.length).toBeGreaterThan(30);
    expect(answers.join('\n')).toContain('Hidden for security.');
    expect(rs.spider.logLines.length).toBeGreaterThan(30);
    const subjects = new Set(events.map((e) => e.subject.replace(rs.subjectPrefix, '')));
    expect([...subjects].sort()).toEqual([
      'cb.spider.connection.deleted',
      'cb.spider.connection.registered',
      'cb.spider.vm.created',
      'cb.spider.vm.status_changed',
      'cb.spider.vm.terminated',
    ]);
  });

  it('finds no value in any REST or gRPC answer', () => {
    expect(answers.flatMap(leaked)).toEqual([]);
  });

  it('finds no value in any log line', () => {
    expect(rs.spider.logLines.flatMap(leaked)).toEqual([]);
  });

  it('finds no value in any delivered event', () => {
    expect(events.flatMap((e) => leaked(e.text))).toEqual([]);
  });

  it('finds no value in the outbox or the call history tables', async () => {
    const db = new Client({ connectionString: rs.spider.db.url });
    await db.connect();
    try {
      for (const table of ['outbox_events', 'driver_calls']) {
        const { rows } = await db.query(
          `SELECT count(*)::int AS n, coalesce(string_agg(t::text, ''), '') AS all FROM ${table} t`,
        );
        expect(rows[0].n).toBeGreaterThan(0);
        expect(leaked(rows[0].all)).toEqual([]);
      }
    } finally {
      await db.end();
    }
  });
});
