import {
  AlreadyExistsError,
  ConflictError,
  InvalidArgumentError,
  NotFoundError,
  UnauthenticatedError,
} from '@cb/errors';
import { checkHealth, listServicesByReflection } from '@cb/grpc';
import type { RunningService } from '@cb/runtime';
import { createTestDatabase, type TestDatabase } from '@cb/testing';
import { type McisWatchEvent, TumblebugClient } from '@cb/tumblebug-client';
import { randomBytes } from 'node:crypto';
import { tumblebugService } from '../src';
import {
  call,
  ok,
  prepareNamespace,
  quietLogger,
  startSpider,
  staticGroup,
  type SpiderUnderTest,
} from './mcis-harness';

jest.setTimeout(180_000);

const TOKEN = 'grpc-test-token';
const CONNS = ['grpc-a', 'grpc-b'];
const NS = 'grpcns';

describe('tumblebug gRPC API through @cb/tumblebug-client, against a real spider', () => {
  let spider: SpiderUnderTest;
  let db: TestDatabase;
  let tumblebug: RunningService;
  let tb: string;
  let address: string;
  let client: TumblebugClient;

  beforeAll(async () => {
    Object.assign(process.env, {
      TB_MCIS_STATUS_TICK_MS: '200',
      TB_MCIS_SETTLED_POLL_MS: '1000',
      TB_MCIS_WORK_TICK_MS: '100',
    });
    spider = await startSpider();
    await spider.connect('grpc-a', 'default');
    await spider.connect('grpc-b', 'mercury');
    db = await createTestDatabase('grpc_tb');
    tumblebug = await tumblebugService.create(
      {
        TB_PORT: '0',
        TB_GRPC_PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: db.url,
        SPIDER_GRPC_ADDRESS: spider.grpc,
        CB_SECRET_KEY: randomBytes(32).toString('base64'),
        CB_SERVICE_TOKEN: TOKEN,
      },
      { events: spider.transport, logger: quietLogger() },
    );
    await tumblebug.start();
    tb = tumblebug.endpoints().rest!;
    address = tumblebug.endpoints().grpc!;
    client = new TumblebugClient(address, { token: TOKEN });
    await prepareNamespace(tb, NS, CONNS);
  });

  afterAll(async () => {
    client?.close();
    await tumblebug?.stop();
    await spider?.stop();
    await db?.drop();
  });

  it('serves health and reflection without a token', async () => {
    expect(await checkHealth(address)).toBe('SERVING');
    expect(await checkHealth(address, 'cb.tumblebug.v1.TumblebugService')).toBe('SERVING');
    expect(await listServicesByReflection(address)).toContain('cb.tumblebug.v1.TumblebugService');
  });

  it('documents the MCIS routes the gRPC API mirrors in the OpenAPI document', async () => {
    const doc = await ok(call(tb, 'GET', '/openapi.json'));
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/ns/{nsId}/mci', '/ns/{nsId}/mci/{mciId}', '/ns/{nsId}/control/mci/{mciId}']),
    );
    const create = doc.paths['/ns/{nsId}/mci'].post;
    expect(create.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['name', 'subGroups']),
    );
    expect(doc.paths['/ns/{nsId}/control/mci/{mciId}'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['nsId', 'mciId', 'action']),
    );
  });

  it('refuses calls without the shared token or with a wrong one', async () => {
    const anonymous = new TumblebugClient(address, { retries: 0 });
    const wrong = new TumblebugClient(address, { token: 'not-the-token', retries: 0 });
    try {
      await expect(anonymous.listNamespaces()).rejects.toBeInstanceOf(UnauthenticatedError);
      await expect(wrong.listNamespaces()).rejects.toBeInstanceOf(UnauthenticatedError);
    } finally {
      anonymous.close();
      wrong.close();
    }
  });

  it('creates, reads, renames and deletes a namespace, with the same errors as REST', async () => {
    const created = await client.createNamespace('grpc-ns-crud', 'first');
    expect(created).toMatchObject({ id: 'grpc-ns-crud', name: 'grpc-ns-crud', description: 'first' });
    await expect(client.createNamespace('grpc-ns-crud')).rejects.toBeInstanceOf(AlreadyExistsError);
    await expect(client.createNamespace('Bad Name!')).rejects.toBeInstanceOf(InvalidArgumentError);
    expect((await client.listNamespaces()).map((ns) => ns.id)).toEqual(expect.arrayContaining(['grpc-ns-crud', NS]));
    expect(await client.updateNamespace('grpc-ns-crud', { description: 'second' })).toMatchObject({
      name: 'grpc-ns-crud',
      description: 'second',
    });
    const rest = await ok(call(tb, 'GET', '/ns/grpc-ns-crud'));
    expect(rest.description).toBe('second');
    await expect(client.deleteNamespace(NS)).rejects.toBeInstanceOf(ConflictError); // holds resources
    await client.deleteNamespace('grpc-ns-crud');
    await expect(client.getNamespace('grpc-ns-crud')).rejects.toThrow(new NotFoundError('Not valid namespace'));
  });

  it('lists the connections spider holds', async () => {
    const connections = await client.listConnections();
    expect(connections.map((c) => c.configName).sort()).toEqual(CONNS);
    expect(connections[0]).toMatchObject({ providerName: 'mock' });
  });

  it('lists and gets resources in their REST shape, and names a bad resource type', async () => {
    const vNets = await client.listResources(NS, 'vNet');
    const rest = await ok(call(tb, 'GET', `/ns/${NS}/resources/vNet`));
    expect(vNets).toEqual(rest.vNet);
    const filtered = await client.listResources(NS, 'sshKey', { key: 'connectionName', value: 'grpc-b' });
    expect(filtered.map((k) => k.id)).toEqual(['grpc-b-key']);
    expect(await client.getResource(NS, 'securityGroup', 'grpc-a-sg')).toMatchObject({
      id: 'grpc-a-sg',
      connectionName: 'grpc-a',
    });
    await expect(client.listResources(NS, 'vnet' as never)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { field: 'resource_type' },
    });
    await expect(client.getResource(NS, 'vNet', 'no-such-net')).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.listResources('no-such-ns', 'vNet')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('recommends the same specs in the same order as REST, with their score parts', async () => {
    await ok(call(tb, 'POST', '/fetchSpecs', {}), 202);
    const query = { priority: { policy: [{ metric: 'cost' }] }, limit: 3 };
    const rest: { id: string }[] = await ok(call(tb, 'POST', '/recommendSpec', query));
    const ranked = await client.recommendSpec({ priority: [{ metric: 'cost' }], limit: 3 });
    expect(ranked).toHaveLength(rest.length);
    expect(ranked.map((r) => r.spec.id)).toEqual(rest.map((s) => s.id));
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(ranked[0].scoreParts[0]).toMatchObject({ metric: 'cost' });
    await expect(client.recommendSpec({ limit: -1 })).rejects.toBeInstanceOf(InvalidArgumentError);
  });

  it('refuses a bad MCIS request naming the field, and writes nothing', async () => {
    const group = { ...staticGroup('grpc-a', 'g1', 1), specId: '' };
    await expect(client.createMcis(NS, { name: 'bad-mcis', subGroups: [group] })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { field: 'subGroups[0].specId' },
    });
    await expect(client.createMcis(NS, { name: 'bad-mcis', subGroups: [] })).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
    expect(await client.listMcis(NS)).toEqual([]);
  });

  it('creates an MCIS, streams it to Running, controls it and deletes it', async () => {
    const created = await client.createMcis(NS, {
      name: 'grpc-mcis',
      description: 'over gRPC',
      label: { team: 'grpc' },
      subGroups: [staticGroup('grpc-a', 'ga', 2), staticGroup('grpc-b', 'gb', 1)],
    });
    expect(created).toMatchObject({ id: 'grpc-mcis', description: 'over gRPC', label: { team: 'grpc' } });
    expect(created.vms.map((vm) => vm.id).sort()).toEqual(['ga-1', 'ga-2', 'gb-1']);
    expect(created.vms.find((vm) => vm.id === 'gb-1')).toMatchObject({
      connectionName: 'grpc-b',
      vNetId: 'grpc-b-net',
    });

    const untilStatus = async (stream: AsyncIterator<McisWatchEvent>, wanted: string) => {
      const seen: McisWatchEvent[] = [];
      for (;;) {
        const { value, done } = await stream.next();
        if (done) throw new Error(`stream ended before ${wanted}: ${JSON.stringify(seen.map((e) => e.type))}`);
        seen.push(value);
        const status =
          value.type === 'snapshot' ? value.status.status : value.type === 'statusChanged' ? value.status : '';
        if (status === wanted) return seen;
      }
    };
    const watch = client.watchMcis(NS, { mcisId: 'grpc-mcis' })[Symbol.asyncIterator]();
    const toRunning = await untilStatus(watch, 'Running:3 (R:3/3)');
    expect(toRunning[0].type).toBe('snapshot');

    const mcis = await client.getMcis(NS, 'grpc-mcis');
    const rest = await ok(call(tb, 'GET', `/ns/${NS}/mci/grpc-mcis`));
    expect(mcis.status).toBe(rest.status);
    expect(mcis.statusCount).toEqual(rest.statusCount);
    expect(mcis.vms.map((vm) => [vm.id, vm.status, vm.publicIP]).sort()).toEqual(
      rest.vm.map((vm: { id: string; status: string; publicIP: string }) => [vm.id, vm.status, vm.publicIP]).sort(),
    );
    const status = await client.getMcisStatus(NS, 'grpc-mcis');
    expect(status).toMatchObject({ id: 'grpc-mcis', masterVmId: 'ga-1', statusCount: { countRunning: 3 } });
    expect((await client.listMcis(NS)).map((m) => m.id)).toEqual(['grpc-mcis']);

    await expect(client.controlMcis(NS, 'grpc-mcis', 'explode' as never)).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(await client.controlMcis(NS, 'grpc-mcis', 'suspend')).toBe('Suspending the MCI');
    const toSuspended = await untilStatus(watch, 'Suspended:3 (R:0/3)');
    expect(toSuspended.some((e) => e.type === 'vmStatusChanged' && e.status === 'Suspended')).toBe(true);

    // A customImage of a suspended VM, as REST's snapshot makes it; bad input and unknown VMs refused alike.
    const image = await client.snapshotVm(NS, 'grpc-mcis', 'ga-1', { name: 'grpc-img', description: 'from ga-1' });
    expect(image).toMatchObject({ id: 'grpc-img', connectionName: 'grpc-a', description: 'from ga-1' });
    expect(await ok(call(tb, 'GET', `/ns/${NS}/resources/customImage/grpc-img`))).toMatchObject({ id: 'grpc-img' });
    await expect(client.snapshotVm(NS, 'grpc-mcis', 'ga-1', { name: 'Bad Name!' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(client.snapshotVm(NS, 'grpc-mcis', 'zz-9', { name: 'grpc-img2' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await ok(call(tb, 'DELETE', `/ns/${NS}/resources/customImage/grpc-img`));

    await expect(client.deleteMcis(NS, 'grpc-mcis')).rejects.toBeInstanceOf(ConflictError);
    await client.deleteMcis(NS, 'grpc-mcis', { option: 'terminate' });
    const rest2: McisWatchEvent[] = [];
    for (let next = await watch.next(); !next.done; next = await watch.next()) rest2.push(next.value);
    expect(rest2[rest2.length - 1]).toMatchObject({ type: 'deleted', mcisId: 'grpc-mcis' });
    await expect(client.getMcis(NS, 'grpc-mcis')).rejects.toBeInstanceOf(NotFoundError);
    expect(await spider.vmNames('grpc-a')).toEqual([]);
  });
});
