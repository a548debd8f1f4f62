import { createGrpcClient } from '@cb/grpc';
import { InvalidArgumentError } from '@cb/errors';
import type { Client } from 'pg';
import { mcmeta } from '@cb/proto';
import { everyPage, imageKey, liveImageKeys, mockConnection, startSyncedHarness, type Harness } from './harness';

const CAP = 1000;

describe('search over a synced catalog, checked against SQL on the same data', () => {
  let harness: Harness;
  let sql: Client;

  beforeAll(async () => {
    ({ harness, sql } = await startSyncedHarness(
      [
        mockConnection('aws-seoul', 'aws', 'ap-northeast-2', { ImagesPerRegion: '1500', Seed: 'search' }),
        mockConnection('gcp-seoul', 'gcp', 'asia-northeast3', { ImagesPerRegion: '1000', Seed: 'search' }),
        mockConnection('azure-korea', 'azure', 'koreacentral', { ImagesPerRegion: '1000', Seed: 'search' }),
      ],
      { MCMETA_COUNT_CAP: String(CAP) },
    ));
  });

  afterAll(async () => {
    await sql?.end();
    await harness?.close();
  });

  const allPages = (path: string, key: (item: any) => string) => everyPage(harness, path, key);
  const oracle = (where: string, params: unknown[] = []) => liveImageKeys(sql, where, params);

  it('filters only: every page in list order equals the SQL answer, and so does the exact total', async () => {
    const result = await allPages('/images?provider=aws&os=ubuntu&arch=x86_64', imageKey);
    const expected = await oracle(`provider = 'aws' AND os_family = 'ubuntu' AND os_architecture = 'x86_64'`);
    expect(expected.length).toBeGreaterThan(0);
    expect(result.keys).toEqual(expected);
    expect(result).toMatchObject({ total: expected.length, totalExact: true });
  });

  it("finds Ubuntu 22.04 images from 'ubunt 22.04', with a provider filter combined", async () => {
    const result = await allPages('/images?q=ubunt%2022.04&provider=gcp', imageKey);
    const expected = await oracle(`provider = 'gcp' AND os_distribution ILIKE 'ubuntu 22.04%'`);
    expect(expected.length).toBeGreaterThan(0);
    expect(result.keys).toEqual(expected);
  });

  it('tolerates a typo in a longer word', async () => {
    const result = await allPages('/images?q=windos&provider=azure', imageKey);
    const expected = await oracle(`provider = 'azure' AND os_platform = 'windows'`);
    expect(expected.length).toBeGreaterThan(0);
    expect(result.keys).toEqual(expected);
  });

  it('estimates the total of a broad keyword search and says so; without a keyword the total is exact', async () => {
    const { keys } = await allPages('/images?q=x86', imageKey);
    expect(keys.length).toBeGreaterThan(CAP);
    const { body } = await harness.get('/images?q=x86&limit=5&facets=provider');
    expect(body.totalExact).toBe(false);
    expect(body.total).toBeGreaterThan(CAP);
    expect(Math.abs(body.total - keys.length) / keys.length).toBeLessThan(0.15);
    expect(body.items.map(imageKey)).toEqual(keys.slice(0, 5));
    // Facets of the counted sample are scaled to the estimate: each provider's count near its true share.
    const connections = { aws: 'aws-seoul', gcp: 'gcp-seoul', azure: 'azure-korea' };
    for (const [provider, connection] of Object.entries(connections)) {
      const truth = keys.filter((key) => key.startsWith(`${connection}/`)).length;
      const facet = body.facets.provider.find((f: { value: string }) => f.value === provider);
      expect(Math.abs(facet.count - truth) / truth).toBeLessThan(0.2);
    }
    const { body: all } = await harness.get('/images?limit=5');
    const [{ n }] = (await sql.query(`SELECT count(*)::int AS n FROM image WHERE removed_at IS NULL`)).rows;
    expect(n).toBeGreaterThan(CAP);
    expect(all).toMatchObject({ total: n, totalExact: true });
    expect(all.items).toHaveLength(5);
  });

  it.each([
    ['first', ''],
    ['later', 'cursor'],
  ])('counts facets per provider and region like GROUP BY does, on a %s page', async (_, page) => {
    let { body } = await harness.get('/images?os=debian&facets=provider,region&limit=1');
    if (page)
      ({ body } = await harness.get(`/images?os=debian&facets=provider,region&limit=1&cursor=${body.nextCursor}`));
    const rows = (
      await sql.query(
        `SELECT provider, region, count(*)::int AS n FROM image WHERE removed_at IS NULL AND os_family = 'debian' GROUP BY 1, 2`,
      )
    ).rows;
    const sum = (field: 'provider' | 'region') => {
      const counts = new Map<string, number>();
      for (const row of rows) counts.set(row[field], (counts.get(row[field]) ?? 0) + row.n);
      return counts;
    };
    const asMap = (facet: { value: string; count: number }[]) => new Map(facet.map((f) => [f.value, f.count]));
    expect(asMap(body.facets.provider)).toEqual(sum('provider'));
    expect(asMap(body.facets.region)).toEqual(sum('region'));
  });

  it('finds 4-vCPU/16-GiB specs cheapest first, as SQL orders them', async () => {
    const result = await allPages(
      '/specs?vcpuMin=4&vcpuMax=4&memMin=16&memMax=16&sort=price',
      (s) => `${s.connectionName}/${s.Name}`,
    );
    const expected = (
      await sql.query(
        `SELECT s.connection_name || '/' || s.name AS key FROM spec s
         LEFT JOIN LATERAL (SELECT min(price) AS price FROM price p WHERE p.connection_name = s.connection_name
                            AND p.spec_name = s.name AND p.removed_at IS NULL) p ON true
         WHERE s.removed_at IS NULL AND s.vcpu = 4 AND s.mem_gib = 16 ORDER BY coalesce(p.price, 1e12), s.id`,
      )
    ).rows.map((r) => r.key);
    expect(expected.length).toBeGreaterThan(1);
    expect(result.keys).toEqual(expected);
  });

  it('filters specs by GPU and maximum price', async () => {
    const { body } = await harness.get('/specs?gpu=true&priceMax=5&limit=1000');
    const [{ n }] = (
      await sql.query(
        `SELECT count(*)::int AS n FROM spec s WHERE s.removed_at IS NULL AND s.gpu_count > 0 AND
           (SELECT min(price) FROM price p WHERE p.connection_name = s.connection_name AND p.spec_name = s.name
            AND p.removed_at IS NULL) <= 5`,
      )
    ).rows;
    expect(n).toBeGreaterThan(0);
    expect(body.items).toHaveLength(n);
    for (const spec of body.items) expect(spec.gpuCount > 0 && spec.pricePerHour <= 5).toBe(true);
  });

  it('lists prices of a spec and the regions of a provider', async () => {
    const { body: prices } = await harness.get('/prices?provider=gcp&spec=n2-standard-4');
    const priceRows = (
      await sql.query(
        `SELECT id FROM price WHERE removed_at IS NULL AND provider = 'gcp' AND spec_name = 'n2-standard-4'`,
      )
    ).rows;
    expect(prices.items).toHaveLength(priceRows.length);
    const { body: regions } = await harness.get('/regions?provider=aws');
    const regionRows = (
      await sql.query(`SELECT DISTINCT name FROM region WHERE provider = 'aws' AND removed_at IS NULL ORDER BY name`)
    ).rows;
    expect(regions.items.map((r: any) => r.Name)).toEqual(regionRows.map((r) => r.name));
    expect(regions.items.find((r: any) => r.Name === 'ap-northeast-2').ZoneList.length).toBeGreaterThan(0);
  });

  it.each([
    ['color', '/images?color=blue'],
    ['vcpuMin', '/specs?vcpuMin=8&vcpuMax=2'],
    ['memMin', '/specs?memMin=-1'],
    ['limit', '/images?limit=1000000000'],
    ['cursor', '/images?cursor=%%%'],
    ['cursor', '/images?cursor=bm90LWEtY3Vyc29y'],
    ['q', `/images?q=${'a'.repeat(10_000)}`],
    ['sort', '/specs?sort=random'],
    ['facets', '/images?facets=colour'],
    ['provider', '/images?provider=aws&provider=gcp'],
    ['interval', '/stats?interval=year'],
  ])('answers a bad %s with a 400 naming it', async (field, path) => {
    const { status, body } = await harness.get(path);
    expect(status).toBe(400);
    expect(body.message.startsWith(`${field}:`)).toBe(true);
  });

  it('refuses a cursor of another sort order', async () => {
    const { body } = await harness.get('/specs?sort=price&limit=2');
    const { status, body: error } = await harness.get(`/specs?sort=vcpu&cursor=${body.nextCursor}`);
    expect(status).toBe(400);
    expect(error.message).toMatch(/^cursor:/);
  });

  it('answers the same over gRPC, and InvalidArgument for bad input', async () => {
    const client = createGrpcClient(mcmeta.McMetaService, harness.grpc);
    try {
      const { page } = await client.searchImages({ q: 'ubunt 22.04', provider: 'aws', limit: 20 });
      const { body } = await harness.get('/images?q=ubunt%2022.04&provider=aws&limit=20');
      expect(page!.items.map(imageKey)).toEqual(body.items.map(imageKey));
      expect(Number(page!.total)).toBe(body.total);
      await expect(client.searchSpecs({ vcpuMin: 8, vcpuMax: 2 })).rejects.toThrow(InvalidArgumentError);
    } finally {
      client.close();
    }
  });
});
