import { createTestDatabase, type TestDatabase } from '@cb/testing';
import { randomBytes } from 'node:crypto';
import { loadTumblebugConfig } from '../src/config';
import { createTumblebug } from '../src/tumblebug';
import { call, eventually, ok, quietLogger, startSpider, type SpiderUnderTest } from './mcis-harness';

describe('connections and MCIR through a real spider', () => {
  let spider: SpiderUnderTest;
  let db: TestDatabase;
  let tumblebug: Awaited<ReturnType<typeof createTumblebug>>;
  let tb: string;

  beforeAll(async () => {
    spider = await startSpider();
    await spider.connect('seoul', 'ap-northeast-2', { Profile: 'aws' });
    db = await createTestDatabase('tb_res');
    const config = loadTumblebugConfig({
      TB_PORT: '0',
      TB_GRPC_PORT: '0',
      DATABASE_URL: db.url,
      SPIDER_GRPC_ADDRESS: spider.grpc,
      CB_SECRET_KEY: randomBytes(32).toString('base64'),
    });
    tumblebug = await createTumblebug(config, { events: spider.transport, logger: quietLogger() });
    await tumblebug.start();
    tb = tumblebug.endpoints().rest!;
    await ok(call(tb, 'POST', '/ns', { name: 'ns01' }));
  });

  afterAll(async () => {
    await tumblebug?.stop();
    await db?.drop();
    await spider?.stop();
  });

  it('lists the connection configs spider has, with the region and its coordinates', async () => {
    const { connectionconfig } = await ok(call(tb, 'GET', '/connConfig'));
    expect(connectionconfig).toHaveLength(1);
    expect(connectionconfig[0]).toMatchObject({
      configName: 'seoul',
      providerName: 'mock',
      regionZoneInfoName: 'seoul-region',
      regionDetail: { regionId: 'ap-northeast-2', location: { latitude: 37.5616592, longitude: 126.8736237 } },
    });
    expect(connectionconfig[0].regionDetail.zones).toContain('ap-northeast-2a');
    expect((await call(tb, 'GET', '/connConfig/unknown')).status).toBe(404);
  });

  it('lists the providers and regions of those connections, with the coordinates of each region', async () => {
    expect((await ok(call(tb, 'GET', '/provider'))).output).toEqual(['mock']);
    const { regions } = await ok(call(tb, 'GET', '/region'));
    expect(regions).toEqual([
      expect.objectContaining({
        regionId: 'ap-northeast-2',
        location: expect.objectContaining({ latitude: 37.5616592 }),
      }),
    ]);
    expect((await ok(call(tb, 'GET', '/provider/mock/region'))).regions).toEqual(regions);
    expect(await ok(call(tb, 'GET', '/provider/mock/region/ap-northeast-2'))).toEqual(regions[0]);
    expect((await ok(call(tb, 'GET', '/provider/aws/region'))).regions).toEqual([]);
    const unknown = await call(tb, 'GET', '/provider/mock/region/moon-1');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/moon-1/);
  });

  it("learns a connection registered later from spider's event, and forgets a deleted one", async () => {
    await spider.connect('virginia', 'us-east-1', { Profile: 'aws' });
    const names = async () =>
      (await ok(call(tb, 'GET', '/connConfig'))).connectionconfig.map((c: { configName: string }) => c.configName);
    expect(await eventually(names, (list) => list.includes('virginia'))).toEqual(['seoul', 'virginia']);
    const virginia = await ok(call(tb, 'GET', '/connConfig/virginia'));
    expect(virginia.regionDetail).toMatchObject({ regionId: 'us-east-1', location: { latitude: 38.9940541 } });

    await ok(call(spider.rest, 'DELETE', '/connectionconfig/virginia'));
    expect(await eventually(names, (list) => !list.includes('virginia'))).toEqual(['seoul']);
  });

  it('creates a vNet, a security group and an sshKey through spider, then gets, lists and deletes them', async () => {
    const vNet = await ok(
      call(tb, 'POST', '/ns/ns01/resources/vNet', {
        name: 'vnet01',
        connectionName: 'seoul',
        cidrBlock: '10.0.0.0/16',
        subnetInfoList: [{ name: 'subnet01', IPv4_CIDR: '10.0.1.0/24' }], // key case as old scripts send it
      }),
      201,
    );
    expect(vNet).toMatchObject({
      resourceType: 'vNet',
      id: 'vnet01',
      connectionName: 'seoul',
      cidrBlock: '10.0.0.0/16',
    });
    expect(vNet.subnetInfoList).toEqual([expect.objectContaining({ id: 'subnet01', ipv4_CIDR: '10.0.1.0/24' })]);
    const inSpider = await ok(call(spider.rest, 'GET', `/vpc/${vNet.cspResourceName}?ConnectionName=seoul`));
    expect(inSpider.IPv4_CIDR).toBe('10.0.0.0/16');

    const sg = await ok(
      call(tb, 'POST', '/ns/ns01/resources/securityGroup', {
        name: 'sg01',
        connectionName: 'seoul',
        vNetId: 'vnet01',
        firewallRules: [{ Direction: 'inbound', Protocol: 'TCP', Ports: '22,80-81', CIDR: '0.0.0.0/0' }],
      }),
    );
    expect(sg.firewallRules).toEqual(
      expect.arrayContaining([
        { Direction: 'inbound', Protocol: 'TCP', Port: '22', CIDR: '0.0.0.0/0' },
        { Direction: 'inbound', Protocol: 'TCP', Port: '80-81', CIDR: '0.0.0.0/0' },
      ]),
    );

    const key = await ok(call(tb, 'POST', '/ns/ns01/resources/sshKey', { name: 'key01', connectionName: 'seoul' }));
    expect(key.privateKey).toBeTruthy();
    const [row] = await tumblebug.deps.dataSource.query(`SELECT private_key, info FROM resources WHERE id = 'key01'`);
    expect(row.private_key).toMatch(/^v1:/);
    expect(row.private_key).not.toContain(key.privateKey);
    expect(JSON.stringify(row.info)).not.toContain(key.privateKey);
    expect((await ok(call(tb, 'GET', '/ns/ns01/resources/sshKey/key01'))).privateKey).toBe(key.privateKey);

    expect((await ok(call(tb, 'GET', '/ns/ns01/resources/vNet?option=id'))).output).toEqual(['vnet01']);
    const sgs = await ok(call(tb, 'GET', '/ns/ns01/resources/securityGroup?filterKey=vNetId&filterVal=vnet01'));
    expect(sgs.securityGroup.map((s: { id: string }) => s.id)).toEqual(['sg01']);
    expect((await ok(call(tb, 'GET', '/ns/ns01/resources/vNet/vnet01'))).associatedObjectList).toEqual([
      'securityGroup/sg01',
    ]);

    const inUse = await call(tb, 'DELETE', '/ns/ns01/resources/vNet/vnet01');
    expect(inUse.status).toBe(409);
    await ok(call(tb, 'DELETE', '/ns/ns01/resources/securityGroup/sg01'));
    await ok(call(tb, 'DELETE', '/ns/ns01/resources/vNet/vnet01'));
    await ok(call(tb, 'DELETE', '/ns/ns01/resources/sshKey/key01'));
    expect((await call(tb, 'GET', '/ns/ns01/resources/vNet/vnet01')).status).toBe(404);
    expect((await call(spider.rest, 'GET', `/vpc/${vNet.cspResourceName}?ConnectionName=seoul`)).status).toBe(404);
  });

  it('creates a dataDisk through spider, gets, lists by filter and deletes it', async () => {
    const disk = await ok(
      call(tb, 'POST', '/ns/ns01/resources/dataDisk', { name: 'disk01', connectionName: 'seoul', diskSize: 100 }),
    );
    expect(disk).toMatchObject({ resourceType: 'dataDisk', id: 'disk01', diskSize: 100, status: 'Available' });
    const inSpider = await ok(call(spider.rest, 'GET', `/disk/${disk.cspResourceName}?ConnectionName=seoul`));
    expect(inSpider.DiskSize).toBe('100');
    expect((await ok(call(tb, 'GET', '/ns/ns01/resources/dataDisk/disk01'))).cspResourceId).toBe(disk.cspResourceId);
    const listed = await ok(call(tb, 'GET', '/ns/ns01/resources/dataDisk?filterKey=diskSize&filterVal=100'));
    expect(listed.dataDisk.map((d: { id: string }) => d.id)).toEqual(['disk01']);
    const removed = await ok(call(tb, 'DELETE', '/ns/ns01/resources/dataDisk?match=disk'));
    expect(removed).toMatchObject({ total: 1, successCount: 1, failedCount: 0 });
    expect((await call(spider.rest, 'GET', `/disk/${disk.cspResourceName}?ConnectionName=seoul`)).status).toBe(404);
  });

  it('refuses a resource that is used by a VM until MCIS releases it', async () => {
    await ok(call(tb, 'POST', '/ns/ns01/resources/sshKey', { name: 'key02', connectionName: 'seoul' }));
    const { resourceUsage, dataSource } = tumblebug.deps;
    const ref = { nsId: 'ns01', resourceType: 'sshKey' as const, resourceId: 'key02' };
    await dataSource.transaction((manager) => resourceUsage.markUsed(manager, [ref], 'mci01/g1-1'));
    const refused = await call(tb, 'DELETE', '/ns/ns01/resources/sshKey/key02');
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('mci01/g1-1');
    await dataSource.transaction((manager) => resourceUsage.releaseByPrefix(manager, 'ns01', 'mci01/'));
    await ok(call(tb, 'DELETE', '/ns/ns01/resources/sshKey/key02'));
  });

  it('registers resources the cloud has but spider does not know, adopting them into spider by their CSP id', async () => {
    // Made through spider, then forgotten by it: the cloud alone holds them now, as after a console's work.
    const inCloud = async (rs: string, body: object) => {
      const made = await ok(call(spider.rest, 'POST', `/${rs}`, { ConnectionName: 'seoul', ReqInfo: body }));
      await ok(call(spider.rest, 'DELETE', `/reg${rs}/${made.IId.NameId}?ConnectionName=seoul`));
      return made.IId.SystemId as string;
    };
    const vpcId = await inCloud('vpc', {
      Name: 'console-vpc',
      IPv4_CIDR: '10.9.0.0/16',
      SubnetInfoList: [{ Name: 'console-subnet', IPv4_CIDR: '10.9.1.0/24' }],
    });
    const keyId = await inCloud('keypair', { Name: 'console-key' });
    const diskId = await inCloud('disk', { Name: 'console-disk', DiskSize: '50' });
    const onlyInCloud = async (rs: string) =>
      (await ok(call(spider.rest, 'GET', `/all${rs}?ConnectionName=seoul`))).AllList.OnlyCSPList.map(
        (iid: { SystemId: string }) => iid.SystemId,
      );
    expect(await onlyInCloud('vpc')).toContain(vpcId);

    const vNet = await ok(
      call(tb, 'POST', '/ns/ns01/registerCspResource/vNet', {
        name: 'reg-net',
        connectionName: 'seoul',
        cspResourceId: vpcId,
      }),
      201,
    );
    expect(vNet).toMatchObject({ id: 'reg-net', cspResourceId: vpcId, systemLabel: 'Registered from CSP resource' });
    expect(vNet.subnetInfoList).toHaveLength(1);
    const key = await ok(
      call(tb, 'POST', '/ns/ns01/resources/sshKey?option=register', {
        name: 'reg-key',
        connectionName: 'seoul',
        cspResourceId: keyId,
      }),
    );
    expect(key.cspResourceId).toBe(keyId);
    const disk = await ok(
      call(tb, 'POST', '/ns/ns01/resources/dataDisk?option=register', {
        name: 'reg-disk',
        connectionName: 'seoul',
        diskSize: 50,
        cspResourceId: diskId,
      }),
    );
    expect(disk).toMatchObject({ cspResourceId: diskId, diskSize: 50 });
    // spider knows each under tumblebug's name for it now, and the cloud has nothing spider does not know.
    const inSpider = await ok(call(spider.rest, 'GET', `/vpc/${vNet.cspResourceName}?ConnectionName=seoul`));
    expect(inSpider.IId.SystemId).toBe(vpcId);
    for (const rs of ['vpc', 'keypair', 'disk']) expect(await onlyInCloud(rs)).toEqual([]);

    const unknown = await call(tb, 'POST', '/ns/ns01/resources/sshKey?option=register', {
      name: 'reg-key2',
      connectionName: 'seoul',
      cspResourceId: 'no-such-key',
    });
    expect(unknown.status).toBe(404);
    expect((await call(tb, 'GET', '/ns/ns01/resources/sshKey/reg-key2')).status).toBe(404);
    for (const [type, id] of [
      ['dataDisk', 'reg-disk'],
      ['sshKey', 'reg-key'],
      ['vNet', 'reg-net'],
    ]) {
      await ok(call(tb, 'DELETE', `/ns/ns01/resources/${type}/${id}`));
    }
  });

  it('deregisters a resource: tumblebug and spider forget it, the cloud keeps it, and it can be registered again', async () => {
    const key = await ok(call(tb, 'POST', '/ns/ns01/resources/sshKey', { name: 'dereg-key', connectionName: 'seoul' }));
    const { resourceUsage, dataSource } = tumblebug.deps;
    const ref = { nsId: 'ns01', resourceType: 'sshKey' as const, resourceId: 'dereg-key' };
    await dataSource.transaction((manager) => resourceUsage.markUsed(manager, [ref], 'mci02/g1-1'));
    const refused = await call(tb, 'DELETE', '/ns/ns01/deregisterResource/sshKey/dereg-key');
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('mci02/g1-1');
    await dataSource.transaction((manager) => resourceUsage.releaseByPrefix(manager, 'ns01', 'mci02/'));

    const done = await ok(call(tb, 'DELETE', '/ns/ns01/deregisterResource/sshKey/dereg-key'));
    expect(done.message).toBe('The sshKey dereg-key has been deregistered');
    expect((await call(tb, 'GET', '/ns/ns01/resources/sshKey/dereg-key')).status).toBe(404);
    expect((await call(spider.rest, 'GET', `/keypair/${key.cspResourceName}?ConnectionName=seoul`)).status).toBe(404);
    const all = await ok(call(spider.rest, 'GET', '/allkeypair?ConnectionName=seoul'));
    expect(all.AllList.OnlyCSPList.map((iid: { SystemId: string }) => iid.SystemId)).toContain(key.cspResourceId);

    const again = await ok(
      call(tb, 'POST', '/ns/ns01/resources/sshKey?option=register', {
        name: 'dereg-key',
        connectionName: 'seoul',
        cspResourceId: key.cspResourceId,
      }),
    );
    expect(again).toMatchObject({ id: 'dereg-key', cspResourceId: key.cspResourceId });
    await ok(call(tb, 'DELETE', '/ns/ns01/resources/sshKey/dereg-key'));
    expect((await call(tb, 'DELETE', '/ns/ns01/deregisterResource/sshKey/dereg-key')).status).toBe(404);
    expect((await call(tb, 'DELETE', '/ns/ns01/deregisterResource/planet/p1')).status).toBe(404);
  });

  it('answers bad input with a 4xx naming the problem and leaves nothing behind', async () => {
    const cases: [string, unknown, number, RegExp][] = [
      ['vNet', { connectionName: 'seoul', subnetInfoList: [] }, 400, /^name: /],
      [
        'vNet',
        { name: 'v2', connectionName: 'nowhere', subnetInfoList: [{ name: 's', ipv4_CIDR: '10.0.0.0/24' }] },
        404,
        /connectionName/,
      ],
      ['vNet', { name: 'v2', connectionName: 'seoul', subnetInfoList: [] }, 400, /^subnetInfoList: /],
      ['securityGroup', { name: 'sg2', connectionName: 'seoul', vNetId: 'missing' }, 404, /vNet missing/],
      ['dataDisk', { name: 'd1', connectionName: 'seoul', diskSize: 'big' }, 400, /^diskSize: /],
      ['nonsense', { name: 'x' }, 404, /^resourceType: /],
    ];
    for (const [type, body, status, message] of cases) {
      const reply = await call(tb, 'POST', `/ns/ns01/resources/${type}`, body);
      expect({ type, status: reply.status }).toEqual({ type, status });
      expect(reply.body.message).toMatch(message);
    }
    const sg = await call(tb, 'POST', '/ns/ns01/resources/securityGroup', {
      name: 'sg3',
      connectionName: 'seoul',
      vNetId: 'nothing',
      firewallRules: [{ Direction: 'sideways', Protocol: 'TCP' }],
    });
    expect(sg.status).toBe(404);
    expect((await ok(call(tb, 'GET', '/ns/ns01/resources/vNet?option=id'))).output).toEqual([]);
    expect((await ok(call(tb, 'GET', '/ns/ns01/resources/securityGroup?option=id'))).output).toEqual([]);
  });
});
