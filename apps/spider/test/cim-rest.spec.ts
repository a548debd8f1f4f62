import { MOCK, registerMock, startSpider, type SpiderUnderTest } from './cim-helpers';
import { connectTestEvents, type TestEvents } from './cim-events-helper';

describe('spider CIM REST (upstream shapes)', () => {
  let events: TestEvents;
  let spider: SpiderUnderTest;

  beforeAll(async () => {
    events = await connectTestEvents('cim_rest');
    spider = await startSpider(events.transport);
  });
  afterAll(async () => {
    await spider?.stop();
    await events?.close();
  });

  it("lists upstream's cloud OSes and answers per-provider metadata", async () => {
    const list = await spider.call('GET', '/cloudos');
    expect(list.status).toBe(200);
    expect(list.body.cloudos).toEqual([
      'AWS',
      'AZURE',
      'GCP',
      'ALIBABA',
      'TENCENT',
      'IBM',
      'ORACLE',
      'OPENSTACK',
      'NCP',
      'NHN',
      'KT',
      'KTCLASSIC',
      'MOCK',
    ]);
    const meta = await spider.call('GET', '/cloudos/metainfo/MOCK');
    expect(meta.status).toBe(200);
    expect(Object.keys(meta.body)).toEqual([
      'Region',
      'Credential',
      'CredentialCSP',
      'RootDiskType',
      'RootDiskSize',
      'DiskType',
      'DiskSize',
      'IdMaxLength',
      'DefaultRegionToQuery',
    ]);
    expect(meta.body.Credential).toEqual(['MockName']);
    expect(meta.body.RootDiskSize).toEqual(['']);
    const unknown = await spider.call('GET', '/cloudos/metainfo/NOCLOUD');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe('NOCLOUD: does not exist!');
  });

  it('registers a driver (upper-casing ProviderName), lists it with either filter, gets and deletes it', async () => {
    const created = await spider.call('POST', '/driver', { ...MOCK.driver, DriverName: 'd1', ProviderName: 'mock' });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({ DriverName: 'd1', ProviderName: 'MOCK', DriverLibFileName: 'mock-driver-v1.0.so' });
    await spider.call('POST', '/driver', { DriverName: 'aws1', ProviderName: 'aws', DriverLibFileName: 'aws.so' });

    expect((await spider.call('GET', '/driver?provider=mock')).body).toEqual({ driver: [created.body] });
    expect(
      (await spider.call('GET', '/driver?ProviderName=AWS')).body.driver.map(
        (d: { DriverName: string }) => d.DriverName,
      ),
    ).toEqual(['aws1']);
    expect((await spider.call('GET', '/driver')).body.driver).toHaveLength(2);
    expect((await spider.call('GET', '/driver/d1')).body).toEqual(created.body);

    expect((await spider.call('DELETE', '/driver/d1')).body).toEqual({ Result: 'true' });
    const gone = await spider.call('GET', '/driver/d1');
    expect(gone.status).toBe(404);
    expect(gone.body.message).toBe('d1: does not exist!');
    await spider.call('DELETE', '/driver/aws1');
  });

  it('re-registering a name overwrites it, as upstream', async () => {
    await spider.call('POST', '/driver', { ...MOCK.driver, DriverName: 'again' });
    const second = await spider.call('POST', '/driver', {
      ...MOCK.driver,
      DriverName: 'again',
      DriverLibFileName: 'v2.so',
    });
    expect(second.status).toBe(200);
    expect((await spider.call('GET', '/driver/again')).body.DriverLibFileName).toBe('v2.so');
    await spider.call('DELETE', '/driver/again');
  });

  it('registers a region with zones and answers its shape', async () => {
    const body = {
      RegionName: 'r-zones',
      ProviderName: 'MOCK',
      KeyValueInfoList: [
        { Key: 'Region', Value: 'mercury' },
        { Key: 'Zone', Value: 'mercury-z1' },
      ],
      AvailableZoneList: ['mercury-z1', 'mercury-z2'],
    };
    const created = await spider.call('POST', '/region', body);
    expect(created.status).toBe(200);
    expect(created.body).toEqual(body);
    expect((await spider.call('GET', '/region/r-zones')).body).toEqual(body);
    expect((await spider.call('GET', '/region?provider=MOCK')).body).toEqual({ region: [body] });
    const noZones = await spider.call('POST', '/region', { ...MOCK.region, RegionName: 'r-plain' });
    expect(noZones.body.AvailableZoneList).toEqual([]);
    expect((await spider.call('DELETE', '/region/r-zones')).body).toEqual({ Result: 'true' });
    expect((await spider.call('DELETE', '/region/r-plain')).body).toEqual({ Result: 'true' });
    expect((await spider.call('GET', '/region')).body).toEqual({ region: [] });
  });

  it('joins driver, credential and region in a connection config, counted per provider', async () => {
    await registerMock(spider);
    const config = await spider.call('GET', '/connectionconfig/mock-config01');
    expect(config.body).toEqual(MOCK.config);
    expect((await spider.call('GET', '/connectionconfig')).body).toEqual({ connectionconfig: [MOCK.config] });
    expect((await spider.call('GET', '/countconnectionconfig')).body).toEqual({ count: 1 });
    expect((await spider.call('GET', '/countconnectionconfig/MOCK')).body).toEqual({ count: 1 });
    expect((await spider.call('GET', '/countconnectionconfig/AWS')).body).toEqual({ count: 0 });
  });

  it('refuses to delete a driver, credential or region a connection config uses, naming the config', async () => {
    for (const path of ['/driver/mock-driver01', '/credential/mock-credential01', '/region/mock-region01']) {
      const refused = await spider.call('DELETE', path);
      expect(refused.status).toBe(409);
      expect(refused.body.message).toMatch(/is in use by connection config\(s\) 'mock-config01'/);
    }
    expect((await spider.call('GET', '/driver/mock-driver01')).status).toBe(200);
  });

  it('refuses to move a part in use to another provider', async () => {
    const moved = await spider.call('POST', '/driver', { ...MOCK.driver, ProviderName: 'AWS' });
    expect(moved.status).toBe(409);
    expect(moved.body.message).toMatch(/cannot become AWS/);
    expect((await spider.call('GET', '/driver/mock-driver01')).body.ProviderName).toBe('MOCK');
  });

  it('refuses a connection config naming a missing part or a part of another provider', async () => {
    const missing = await spider.call('POST', '/connectionconfig', {
      ...MOCK.config,
      ConfigName: 'c2',
      RegionName: 'nowhere',
    });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('nowhere: does not exist!');
    await spider.call('POST', '/driver', { DriverName: 'aws-d', ProviderName: 'AWS', DriverLibFileName: 'aws.so' });
    const mixed = await spider.call('POST', '/connectionconfig', {
      ...MOCK.config,
      ConfigName: 'c3',
      DriverName: 'aws-d',
    });
    expect(mixed.status).toBe(400);
    expect(mixed.body.message).toMatch(/^DriverName: driver 'aws-d' is of AWS, not MOCK/);
    expect((await spider.call('GET', '/countconnectionconfig')).body).toEqual({ count: 1 });
    await spider.call('DELETE', '/driver/aws-d');
  });

  it('deletes the config, then its parts; deleting a missing name still answers Result true', async () => {
    expect((await spider.call('DELETE', '/connectionconfig/mock-config01')).body).toEqual({ Result: 'true' });
    expect((await spider.call('GET', '/connectionconfig/mock-config01')).status).toBe(404);
    for (const path of ['/driver/mock-driver01', '/credential/mock-credential01', '/region/mock-region01']) {
      expect((await spider.call('DELETE', path)).body).toEqual({ Result: 'true' });
      expect((await spider.call('DELETE', path)).body).toEqual({ Result: 'true' });
    }
    expect((await spider.call('DELETE', '/connectionconfig/never-was')).body).toEqual({ Result: 'true' });
    expect((await spider.call('GET', '/credential')).body).toEqual({ credential: [] });
  });
});
