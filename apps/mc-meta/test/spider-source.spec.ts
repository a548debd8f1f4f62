import { randomBytes } from 'node:crypto';
import type { ImageInfo, KeyValue } from '@cb/driver-sdk';
import { createMockDriver } from '@cb/driver-mock';
import { createEventBus, type ReceivedEvent } from '@cb/events';
import type { RunningService } from '@cb/runtime';
import { spiderService } from '@cb/spider';
import { createTestDatabase, uniqueName, type TestDatabase } from '@cb/testing';
import { Client } from 'pg';
import { nextEvent, quiet, startMcMeta, suiteTransport, type Harness } from './harness';

const AUTH = `Basic ${Buffer.from('default:default').toString('base64')}`;

/** mc-meta as in production: spider (REST + gRPC, its own database) in front of the mock cloud, events shared. */
describe('collection from spider over gRPC server streaming', () => {
  let transport: Awaited<ReturnType<typeof suiteTransport>>;
  let spiderDb: TestDatabase;
  let spider: RunningService;
  let harness: Harness;
  let sql: Client;
  const seen: ReceivedEvent[] = [];

  const spiderCall = async (path: string, body: unknown) => {
    const response = await fetch(`${spider.endpoints().rest}${path}`, {
      method: 'POST',
      headers: { authorization: AUTH, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`spider ${path}: ${response.status} ${await response.text()}`);
  };

  /** Registers a mock connection in spider, as the console or cbctl would: driver, credential, region, config. */
  async function register(name: string, credential: Record<string, string>, region: string) {
    await spiderCall('/driver', {
      DriverName: `${name}-driver`,
      ProviderName: 'MOCK',
      DriverLibFileName: 'mock-driver-v1.0.so',
    });
    const KeyValueInfoList = Object.entries(credential).map(([Key, Value]) => ({ Key, Value }));
    await spiderCall('/credential', { CredentialName: `${name}-cred`, ProviderName: 'MOCK', KeyValueInfoList });
    await spiderCall('/region', {
      RegionName: `${name}-region`,
      ProviderName: 'MOCK',
      KeyValueInfoList: [{ Key: 'Region', Value: region }],
    });
    await spiderCall('/connectionconfig', {
      ConfigName: name,
      ProviderName: 'MOCK',
      DriverName: `${name}-driver`,
      CredentialName: `${name}-cred`,
      RegionName: `${name}-region`,
    });
  }

  /** The mock cloud's own listing for that credential and region: what mc-meta must end up holding. */
  async function mockImages(credential: KeyValue[], region: string): Promise<Map<string, object>> {
    const cloud = await createMockDriver().connect({ credential, region: { Region: region } });
    const images = new Map<string, object>();
    for await (const image of cloud.image()!.listImages() as AsyncIterable<ImageInfo>) {
      const { Name, OSDistribution, OSArchitecture, OSPlatform, ImageStatus } = image;
      images.set(image.IId.SystemId, { Name, OSDistribution, OSArchitecture, OSPlatform, ImageStatus });
    }
    return images;
  }

  beforeAll(async () => {
    transport = await suiteTransport();
    spiderDb = await createTestDatabase('mcmeta_spider');
    spider = await spiderService.create(
      {
        SPIDER_PORT: '0',
        SPIDER_GRPC_PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: spiderDb.url,
        SPIDER_USERNAME: 'default',
        SPIDER_PASSWORD: 'default',
        CB_SECRET_KEY: randomBytes(32).toString('base64'),
      },
      { events: transport, logger: quiet },
    );
    await spider.start();
    harness = await startMcMeta({
      transport,
      env: { SPIDER_GRPC_ADDRESS: spider.endpoints().grpc!, MCMETA_COUNT_CAP: '5000' },
    });
    await createEventBus({ transport }).subscribe(
      'spider-source-spec',
      ['cb.mcmeta.sync.completed', 'cb.mcmeta.sync.failed'],
      async (event) => {
        seen.push(event);
      },
    );
    sql = new Client(harness.db.url);
    await sql.connect();
  }, 60_000);

  afterAll(async () => {
    await sql?.end();
    await harness?.close();
    await spider?.stop();
    await transport?.close();
    await spiderDb?.drop();
  });

  it("collects a connection spider announces: every image, at the connection's cloud region", async () => {
    const credential = { MockName: uniqueName('meta'), Profile: 'gcp', ImagesPerRegion: '3000', Seed: 'spider-source' };
    await register('gcp-seoul', credential, 'asia-northeast3');
    const event = await nextEvent(seen, (e) => e.subject.startsWith('cb.mcmeta.sync.'));
    if (event.subject !== 'cb.mcmeta.sync.completed' && event.subject !== 'cb.mcmeta.sync.failed') {
      throw new Error(`unexpected ${event.subject}`);
    }
    const { body: run } = await harness.get(`/sync/${event.payload.syncId}`);
    expect(run).toMatchObject({ status: 'completed', trigger: 'connection-registered' });

    const expected = await mockImages(
      Object.entries(credential).map(([Key, Value]) => ({ Key, Value })),
      'asia-northeast3',
    );
    expect(run.countsByKind.images).toMatchObject({ received: expected.size, added: expected.size });
    const stored = await sql.query(
      `SELECT record_key, region, provider, doc FROM image WHERE connection_name = 'gcp-seoul' AND removed_at IS NULL`,
    );
    const fields = (doc: ImageInfo) => {
      const { Name, OSDistribution, OSArchitecture, OSPlatform, ImageStatus } = doc;
      return { Name, OSDistribution, OSArchitecture, OSPlatform, ImageStatus };
    };
    expect(new Map(stored.rows.map((row) => [row.record_key, fields(row.doc)]))).toEqual(expected);
    // The config names spider's region config; searches filter on the cloud's region.
    expect(new Set(stored.rows.map((row) => `${row.provider}/${row.region}`))).toEqual(
      new Set(['mock/asia-northeast3']),
    );
  });

  it('collects regions with coordinates, specs and their prices through the same streams', async () => {
    const { body: regions } = await harness.get('/regions?provider=mock&q=asia-northeast3');
    const seoul = regions.items.find((r: { Name: string }) => r.Name === 'asia-northeast3');
    expect(seoul.latitude).toBeCloseTo(37.56, 1);
    expect(seoul.ZoneList.length).toBeGreaterThan(0);

    const { body: specs } = await harness.get('/specs?region=asia-northeast3&sort=price&limit=1000');
    const [{ n }] = (
      await sql.query(`SELECT count(*)::int AS n FROM spec WHERE connection_name = 'gcp-seoul' AND removed_at IS NULL`)
    ).rows;
    expect(n).toBeGreaterThan(0);
    expect(specs.items).toHaveLength(n);
    const prices = specs.items.map((spec: { pricePerHour: number }) => spec.pricePerHour);
    expect(prices.every((price: number) => price > 0)).toBe(true);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  it('finds the images by keyword, with a typo, over what it collected', async () => {
    const { status, body } = await harness.get('/images?q=ubunt%2022.04&region=asia-northeast3&limit=1000');
    expect(status).toBe(200);
    const [{ n }] = (
      await sql.query(
        `SELECT count(*)::int AS n FROM image WHERE connection_name = 'gcp-seoul' AND removed_at IS NULL
           AND doc->>'OSDistribution' ILIKE 'ubuntu 22.04%'`,
      )
    ).rows;
    expect(n).toBeGreaterThan(0);
    expect(body.total).toBe(n);
    for (const image of body.items) expect(image.OSDistribution).toMatch(/^Ubuntu 22\.04/);
  });
});
