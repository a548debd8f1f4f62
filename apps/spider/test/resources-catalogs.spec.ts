import { startResourceSpider, type ResourceSpider } from './resources-helpers';

const C = 'cat-conn';

/** Region/zone, image, spec and price catalogs and the driver's capabilities, against the mock (upstream shapes). */
describe('spider resources: catalogs', () => {
  let rs: ResourceSpider;

  beforeAll(async () => {
    rs = await startResourceSpider();
    await rs.connect(C);
  });
  afterAll(async () => {
    await rs?.stop();
  });

  it('lists the mock regions with their zones, by query or by body, and gets one', async () => {
    const byQuery = await rs.call('GET', `/regionzone?ConnectionName=${C}`);
    expect(byQuery.status).toBe(200);
    expect(byQuery.body.regionzone.map((r: { Name: string }) => r.Name)).toEqual([
      'default',
      'mercury',
      'venus',
      'mars',
      'jupiter',
      'saturn',
      'uranus',
      'neptune',
    ]);
    const byBody = await rs.call('GET', '/regionzone', { ConnectionName: C });
    expect(byBody.body).toEqual(byQuery.body);
    const mercury = await rs.call('GET', `/regionzone/mercury?ConnectionName=${C}`);
    expect(mercury.body).toMatchObject({
      Name: 'mercury',
      DisplayName: expect.any(String),
      CSPDisplayName: expect.any(String),
    });
    expect(mercury.body.ZoneList.map((z: { Name: string }) => z.Name)).toEqual([
      'mercury-z1',
      'mercury-z2',
      'mercury-z3',
    ]);
    for (const zone of mercury.body.ZoneList) {
      expect(['Available', 'Unavailable', 'StatusNotSupported']).toContain(zone.Status);
    }
    const unknown = await rs.call('GET', `/regionzone/pluto?ConnectionName=${C}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/pluto/);
  });

  it('embeds the cloud’s own region and zone answers as JSON', async () => {
    const regions = await rs.call('GET', `/orgregion?ConnectionName=${C}`);
    expect(regions.status).toBe(200);
    expect(Array.isArray(regions.body.RegionInfo)).toBe(true);
    expect(regions.body.RegionInfo).toHaveLength(8);
    const zones = await rs.call('GET', `/orgzone?ConnectionName=${C}`);
    expect(zones.body.ZoneInfo.map((z: { Name: string }) => z.Name)).toEqual([
      'default-z1',
      'default-z2',
      'default-z3',
    ]);
  });

  it('answers preconfig region/zone with only a driver and a credential', async () => {
    const list = await rs.call('GET', `/preconfig/regionzone?DriverName=${C}-driver&CredentialName=${C}-cred`);
    expect(list.status).toBe(200);
    expect(list.body.regionzone).toHaveLength(8);
    const one = await rs.call('GET', `/preconfig/regionzone/venus?DriverName=${C}-driver&CredentialName=${C}-cred`);
    expect(one.body.Name).toBe('venus');
    const org = await rs.call('GET', `/preconfig/orgregion?DriverName=${C}-driver&CredentialName=${C}-cred`);
    expect(org.body.RegionInfo).toHaveLength(8);
    const noCredential = await rs.call('GET', `/preconfig/regionzone?DriverName=${C}-driver`);
    expect(noCredential.status).toBe(400);
    expect(noCredential.body.message).toBe('CredentialName is empty!');
    const unknownDriver = await rs.call('GET', `/preconfig/regionzone?DriverName=nope&CredentialName=${C}-cred`);
    expect(unknownDriver.status).toBe(404);
    expect(unknownDriver.body.message).toBe('nope: does not exist!');
  });

  it('lists the five upstream mock images and gets one by name', async () => {
    const images = await rs.call('GET', `/vmimage?ConnectionName=${C}`);
    expect(images.status).toBe(200);
    expect(images.body.image.map((i: { IId: { NameId: string } }) => i.IId.NameId)).toEqual([
      'mock-vmimage-01',
      'mock-vmimage-02',
      'mock-vmimage-03',
      'mock-vmimage-04',
      'mock-vmimage-05',
    ]);
    const one = await rs.call('GET', `/vmimage/mock-vmimage-03?ConnectionName=${C}`);
    expect(one.body).toMatchObject({
      IId: { NameId: 'mock-vmimage-03', SystemId: 'mock-vmimage-03' },
      OSPlatform: 'Windows',
      ImageStatus: 'Available',
    });
    const unknown = await rs.call('GET', `/vmimage/nope?ConnectionName=${C}`);
    expect(unknown.status).toBe(404);
  });

  it('lists the four upstream mock specs, gets one, and embeds the cloud’s own spec answers', async () => {
    const specs = await rs.call('GET', '/vmspec', { ConnectionName: C });
    expect(specs.body.vmspec.map((s: { Name: string }) => s.Name)).toEqual([
      'mock-vmspec-01',
      'mock-vmspec-02',
      'mock-vmspec-03',
      'mock-vmspec-04',
    ]);
    const one = await rs.call('GET', `/vmspec/mock-vmspec-01?ConnectionName=${C}`);
    expect(one.body).toMatchObject({
      Name: 'mock-vmspec-01',
      VCpu: { Count: '4', ClockGHz: '2.7' },
      MemSizeMiB: '32768',
    });
    const org = await rs.call('GET', `/vmorgspec?ConnectionName=${C}`);
    expect(org.body.VMSpecInfo).toHaveLength(4);
    const orgOne = await rs.call('GET', `/vmorgspec/mock-vmspec-02?ConnectionName=${C}`);
    expect(orgOne.body.VMSpecInfo.Name).toBe('mock-vmspec-02');
  });

  it('answers the driver capability with upstream’s Go field names', async () => {
    const capability = await rs.call('GET', `/driver/capability?ConnectionName=${C}`);
    expect(capability.status).toBe(200);
    expect(capability.body).toMatchObject({
      ZoneBasedControl: true,
      RegionZoneHandler: true,
      PriceInfoHandler: true,
      DiskHandler: true,
      ClusterHandler: true,
      TagHandler: true,
      FileSystemHandler: false,
    });
    expect(capability.body.TagSupportResourceType).toEqual(expect.arrayContaining(['vpc', 'vm', 'disk']));
    const missing = await rs.call('GET', '/driver/capability');
    expect(missing.status).toBe(400);
    expect(missing.body.message).toBe('ConnectionName is empty!');
  });

  it('lists product families and VM prices in upstream’s CloudPrice shape, simple or full', async () => {
    const families = await rs.call('GET', `/productfamily/default?ConnectionName=${C}`);
    expect(families.body).toEqual({ productfamily: ['Compute Instance', 'Storage', 'Network Load Balancer'] });
    const simple = await rs.call('GET', `/priceinfo/vm/default?ConnectionName=${C}&simple`);
    expect(simple.status).toBe(200);
    expect(Object.keys(simple.body)).toEqual(['Meta', 'CloudName', 'RegionName', 'PriceList']);
    expect(simple.body).toMatchObject({ Meta: { Version: '0.5' }, CloudName: 'MOCK', RegionName: 'default' });
    expect(simple.body.PriceList.length).toBeGreaterThan(1);
    for (const price of simple.body.PriceList) {
      expect(price.ProductInfo.VMSpecName).toEqual(expect.any(String));
      expect(price.ProductInfo.VMSpecInfo).toBeUndefined();
      expect(price.PriceInfo.OnDemand).toMatchObject({ Price: expect.any(String), Currency: expect.any(String) });
    }
    const full = await rs.call('POST', '/priceinfo/vm/default', { ConnectionName: C });
    expect(full.body.PriceList).toHaveLength(simple.body.PriceList.length);
    expect(full.body.PriceList[0].ProductInfo.VMSpecInfo.Name).toBe(simple.body.PriceList[0].ProductInfo.VMSpecName);
  });

  it('filters VM prices server-side by query or FilterList: one key any of its values, all keys at once', async () => {
    const all = (await rs.call('GET', `/priceinfo/vm/default?ConnectionName=${C}&simple`)).body.PriceList;
    const names: string[] = all.map((p: { ProductInfo: { VMSpecName: string } }) => p.ProductInfo.VMSpecName);
    const [first, second] = names;
    const one = await rs.call('GET', `/priceinfo/vm/default?ConnectionName=${C}&simple&VMSpecName=${first}`);
    expect(one.body.PriceList.map((p: { ProductInfo: { VMSpecName: string } }) => p.ProductInfo.VMSpecName)).toEqual([
      first,
    ]);
    const two = await rs.call('POST', '/priceinfo/vm/default?simple', {
      ConnectionName: C,
      FilterList: [
        { Key: 'VMSpecName', Value: first },
        { Key: 'vmspecname', Value: second },
      ],
    });
    expect(two.body.PriceList.map((p: { ProductInfo: { VMSpecName: string } }) => p.ProductInfo.VMSpecName)).toEqual([
      first,
      second,
    ]);
    const none = await rs.call('POST', '/priceinfo/vm/default', {
      ConnectionName: C,
      FilterList: [
        { Key: 'VMSpecName', Value: first },
        { Key: 'ZoneName', Value: 'no-such-zone' },
      ],
    });
    expect(none.status).toBe(200);
    expect(none.body.PriceList).toEqual([]);
    expect(none.body.CloudName).toBe('MOCK');
    const badKey = await rs.call('POST', '/priceinfo/vm/default', {
      ConnectionName: C,
      FilterList: [{ Key: 'Flavour', Value: 'x' }],
    });
    expect(badKey.status).toBe(400);
    expect(badKey.body.message).toMatch(/price filter key 'Flavour' is not supported; use VMSpecName/);
    const badShape = await rs.call('POST', '/priceinfo/vm/default', { ConnectionName: C, FilterList: 'VMSpecName' });
    expect(badShape.status).toBe(400);
    const unknownRegion = await rs.call('GET', `/priceinfo/vm/pluto?ConnectionName=${C}`);
    expect(unknownRegion.status).toBe(404);
  });

  it('refuses an unknown connection with upstream’s text on every catalog', async () => {
    for (const path of [
      '/regionzone',
      '/vmimage',
      '/vmspec',
      '/orgregion',
      '/priceinfo/vm/default',
      '/driver/capability',
    ]) {
      const answer = await rs.call('GET', `${path}?ConnectionName=ghost`);
      expect({ path, status: answer.status, message: answer.body.message }).toEqual({
        path,
        status: 404,
        message: 'ghost: does not exist!',
      });
    }
  });
});
