import { DriverRegistry, takeAll } from '@cb/driver-sdk';
import driver, { createMockDriver, MOCK_DRIVER_LIB_FILE_NAME, mockConnectionInfo } from '../src';

describe('upstream mock parity', () => {
  const mock = createMockDriver();
  const connect = (mockName: string, region = 'default') =>
    mock.connect(mockConnectionInfo({ MockName: mockName }, region));

  it("lists upstream's five images and four specs with their exact names", async () => {
    const connection = await connect('parity');
    const images = await takeAll(connection.image()!.listImages());
    expect(images.map((i) => i.IId.NameId)).toEqual([1, 2, 3, 4, 5].map((n) => `mock-vmimage-0${n}`));
    expect(images[2]).toMatchObject({
      OSPlatform: 'Windows',
      OSDistribution: 'Windows Server 2019',
      OSDiskSizeGB: '50',
    });
    const specs = await takeAll(connection.vmSpec()!.listVMSpecs());
    expect(specs.map((s) => s.Name)).toEqual([1, 2, 3, 4].map((n) => `mock-vmspec-0${n}`));
    expect(specs[0]).toMatchObject({
      Region: 'common-region',
      VCpu: { Count: '4', ClockGHz: '2.7' },
      MemSizeMiB: '32768',
    });
    expect(specs[0].Gpu).toEqual([
      { Count: '2', Mfr: 'NVIDIA', Model: 'V100', MemSizeGB: '512', TotalMemSizeGB: '1024' },
    ]);
  });

  it('has eight regions of three zones each', async () => {
    const regions = await (await connect('parity')).regionZone()!.listRegionZone();
    expect(regions.map((r) => r.Name)).toEqual([
      'default',
      'mercury',
      'venus',
      'mars',
      'jupiter',
      'saturn',
      'uranus',
      'neptune',
    ]);
    expect(regions.every((r) => r.ZoneList.length === 3)).toBe(true);
    expect(regions[0].ZoneList.find((z) => z.Name === 'default-z2')?.Status).toBe('Unavailable');
  });

  it('answers compute prices of a region in USD per hour', async () => {
    const price = (await connect('parity', 'mercury')).price()!;
    expect(await price.listProductFamily('mercury')).toEqual(['Compute Instance', 'Storage', 'Network Load Balancer']);
    const cloudPrice = await price.getPriceInfo('Compute Instance', 'mercury');
    expect(cloudPrice).toMatchObject({ CloudName: 'MOCK', RegionName: 'mercury', Meta: { Version: '0.5' } });
    const list = await takeAll(cloudPrice.PriceList);
    expect(list.map((p) => p.ProductInfo.VMSpecInfo?.Name)).toEqual([
      'mock.standard1.mercury',
      'mock.enhance1.mercury',
      'mock.standard2.mercury',
    ]);
    expect(list[0].PriceInfo.OnDemand).toMatchObject({ Price: '0.2000', Currency: 'USD', Unit: 'Hour' });
  });

  it('returns the fake private key at creation only', async () => {
    const keys = (await connect('parity')).keyPair()!;
    const created = await keys.createKey({ IId: { NameId: 'keypair-01', SystemId: '' } });
    expect(created).toMatchObject({ PrivateKey: 'XXXXPrivateKey', PublicKey: 'XXXXPublicKey', VMUserID: 'cb-user' });
    expect((await keys.getKey(created.IId)).PrivateKey).toBeUndefined();
  });

  it("keeps each MockName's resources apart, across connections", async () => {
    const req = { IId: { NameId: 'vpc-01', SystemId: '' }, IPv4_CIDR: '192.168.0.0/16', SubnetInfoList: [] };
    await (await connect('tenant-a')).vpc()!.createVPC(req);
    expect((await (await connect('tenant-a', 'mars')).vpc()!.listVPC()).map((v) => v.IId.NameId)).toEqual(['vpc-01']);
    expect(await (await connect('tenant-b')).vpc()!.listVPC()).toEqual([]);
    mock.reset('tenant-a');
    expect(await (await connect('tenant-a')).vpc()!.listVPC()).toEqual([]);
  });

  it("registers under upstream's lib file name", () => {
    const registry = new DriverRegistry();
    registry.register(MOCK_DRIVER_LIB_FILE_NAME, driver);
    expect(registry.get('mock-driver-v1.0.so').manifest).toMatchObject({
      ProviderName: 'MOCK',
      DriverName: 'mock-driver',
    });
  });

  it('refuses a credential without MockName and bad fault settings, naming the key', async () => {
    await expect(mock.connect(mockConnectionInfo({}))).rejects.toMatchObject({ kind: 'INVALID_ARGUMENT' });
    // The key is named, its value (a credential value) never repeated.
    const refusal = (keyValues: Record<string, string>) =>
      mock.connect(mockConnectionInfo(keyValues)).then(
        () => '',
        (error: Error) => error.message,
      );
    const badRate = await refusal({ MockName: 'x', FailureRate: '1.5' });
    expect(badRate).toMatch(/FailureRate/);
    expect(badRate).not.toContain('1.5');
    const badProfile = await refusal({ MockName: 'x', Profile: 'oracle' });
    expect(badProfile).toMatch(/Profile/);
    expect(badProfile).not.toContain('oracle');
    const badOps = await refusal({ MockName: 'x', FailOps: 'startVM:BOOM' });
    expect(badOps).toMatch(/FailOps/);
    expect(badOps).not.toMatch(/startVM|BOOM/);
    await expect(mock.connect(mockConnectionInfo({ MockName: 'x', Profile: 'aws' }, 'mars'))).rejects.toThrow(
      /not a region of the mock's aws profile/,
    );
  });
});

describe('realistic profiles', () => {
  const mock = createMockDriver();

  it('gives aws regions with coordinates and zones, and priced specs', async () => {
    const connection = await mock.connect(
      mockConnectionInfo({ MockName: 'p', Profile: 'aws', SpecsPerRegion: '100' }, 'ap-northeast-2'),
    );
    const seoul = await connection.regionZone()!.getRegionZone('ap-northeast-2');
    expect(seoul.KeyValueList).toEqual([
      { Key: 'Latitude', Value: '37.5616592' },
      { Key: 'Longitude', Value: '126.8736237' },
    ]);
    expect(seoul.ZoneList.map((z) => z.Name)).toEqual([
      'ap-northeast-2a',
      'ap-northeast-2b',
      'ap-northeast-2c',
      'ap-northeast-2d',
    ]);
    const specs = await takeAll(connection.vmSpec()!.listVMSpecs());
    expect(specs).toHaveLength(100);
    expect(specs.some((s) => s.Gpu?.[0]?.Model)).toBe(true);
    const prices = await takeAll(
      (await connection.price()!.getPriceInfo('Compute Instance', 'ap-northeast-2')).PriceList,
    );
    expect(prices).toHaveLength(100);
    expect(prices.every((p) => Number(p.PriceInfo.OnDemand.Price) > 0)).toBe(true);
  });
});
