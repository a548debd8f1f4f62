import mockDriver from '@cb/driver-mock';
import type { ImageInfo } from '@cb/driver-sdk';
import { InvalidArgumentError, NotFoundError } from '@cb/errors';
import { startGrpcSpider, type GrpcSpiderUnderTest } from './grpc-harness';

const BIG = 'mock-big-catalog';
const UPSTREAM = 'mock-upstream';
const IMAGES_PER_REGION = 12_000;

describe('spider gRPC: regions, images, specs and prices, streamed', () => {
  let spider: GrpcSpiderUnderTest;
  let bigCredential: { Key: string; Value: string }[];

  beforeAll(async () => {
    spider = await startGrpcSpider();
    await spider.registerMock(UPSTREAM);
    const keys = { ImagesPerRegion: String(IMAGES_PER_REGION) };
    await spider.registerMock(BIG, keys);
    const cred = await spider.client.getConnectionConfig(BIG);
    // The same mock cloud, asked directly: what the stream must reproduce record for record.
    bigCredential = [{ Key: 'MockName', Value: cred.CredentialName.slice(`${BIG}-`.length) }];
    for (const [Key, Value] of Object.entries(keys)) bigCredential.push({ Key, Value });
  });
  afterAll(() => spider?.stop());

  it('streams every image of a large catalog in the driver order, in batches of the size asked', async () => {
    const cloud = await mockDriver.connect({ credential: bigCredential, region: { Region: 'default' } });
    const expected: string[] = [];
    for await (const image of cloud.image()!.listImages()) expected.push(image.IId.NameId);
    await cloud.close();
    expect(expected.length).toBeGreaterThanOrEqual(10_000);

    const received: ImageInfo[] = [];
    for await (const image of spider.client.listImages(BIG, { batchSize: 700 })) received.push(image);
    expect(received.map((i) => i.IId.NameId)).toEqual(expected);
    expect(received[0].OSPlatform).toMatch(/^(Linux\/UNIX|Windows|NA)$/);
  });

  it('cancels the stream at the server when the caller stops early', async () => {
    let seen = 0;
    for await (const image of spider.client.listImages(BIG, { batchSize: 100 })) {
      expect(image.IId.NameId).not.toBe('');
      if (++seen === 250) break;
    }
    expect(seen).toBe(250);
    // The connection's driver slot was given back: the next call is served at once.
    expect((await spider.client.getImage(UPSTREAM, 'mock-vmimage-01')).IId.NameId).toBe('mock-vmimage-01');
  });

  it("answers upstream's mock catalog: images, specs and regions/zones", async () => {
    const images = [];
    for await (const image of spider.client.listImages(UPSTREAM)) images.push(image.IId.NameId);
    expect(images).toEqual([
      'mock-vmimage-01',
      'mock-vmimage-02',
      'mock-vmimage-03',
      'mock-vmimage-04',
      'mock-vmimage-05',
    ]);
    const image = await spider.client.getImage(UPSTREAM, 'mock-vmimage-03');
    expect(image).toMatchObject({ OSPlatform: 'Windows', OSDiskSizeGB: '50', ImageStatus: 'Available' });

    const specs = [];
    for await (const spec of spider.client.listSpecs(UPSTREAM)) specs.push(spec);
    expect(specs.map((s) => s.Name)).toEqual(['mock-vmspec-01', 'mock-vmspec-02', 'mock-vmspec-03', 'mock-vmspec-04']);
    const spec = await spider.client.getSpec(UPSTREAM, 'mock-vmspec-01');
    expect(spec.VCpu).toEqual({ Count: '4', ClockGHz: '2.7' });
    expect(spec.Gpu?.[0]).toMatchObject({ Count: '2', Model: expect.stringContaining('V100') });

    const regions = await spider.client.listRegionZones(UPSTREAM);
    expect(regions.map((r) => r.Name)).toEqual(
      expect.arrayContaining(['default', 'mercury', 'venus', 'mars', 'jupiter', 'saturn', 'uranus', 'neptune']),
    );
    const mars = await spider.client.getRegionZone(UPSTREAM, 'mars');
    expect(mars.ZoneList.map((z) => z.Name)).toEqual(['mars-z1', 'mars-z2', 'mars-z3']);
  });

  it('streams a price list with its header', async () => {
    const families = await spider.client.listProductFamilies(BIG, 'default');
    expect(families.length).toBeGreaterThan(0);
    const info = await spider.client.getPriceInfo(BIG, 'default');
    expect(info.CloudName).not.toBe('');
    let count = 0;
    for await (const price of info.PriceList) {
      expect(price.PriceInfo.OnDemand.Currency).not.toBe('');
      count++;
    }
    expect(count).toBeGreaterThan(0);
  });

  it('refuses bad catalog requests with clear statuses', async () => {
    await expect(spider.client.getImage(UPSTREAM, 'no-such-image')).rejects.toBeInstanceOf(NotFoundError);
    const tooBig = (async () => {
      for await (const _ of spider.client.listImages(UPSTREAM, { batchSize: 1_000_000 })) void _;
    })();
    await expect(tooBig).rejects.toThrow('batch_size 1000000 is above the maximum of 5000');
    await expect(tooBig).rejects.toBeInstanceOf(InvalidArgumentError);
    const unknownConnection = (async () => {
      for await (const _ of spider.client.listImages('nope')) void _;
    })();
    await expect(unknownConnection).rejects.toBeInstanceOf(NotFoundError);
  });
});
