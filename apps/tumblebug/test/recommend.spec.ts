import { createTestDatabase, type TestDatabase } from '@cb/testing';
import { randomBytes } from 'node:crypto';
import { loadTumblebugConfig } from '../src/config';
import { createTumblebug } from '../src/tumblebug';
import { call, ok, quietLogger, startSpider, type SpiderUnderTest } from './mcis-harness';

type Spec = {
  id: string;
  connectionName: string;
  costPerHour: number;
  recommendation: { rank: number; scoreParts: { metric: string; value: number; explanation: string }[] };
};

describe('specs and images from spider, and recommendSpec', () => {
  let spider: SpiderUnderTest;
  let db: TestDatabase;
  let tumblebug: Awaited<ReturnType<typeof createTumblebug>>;
  let tb: string;

  beforeAll(async () => {
    spider = await startSpider();
    const catalog = { Profile: 'aws', SpecsPerRegion: '12', ImagesPerRegion: '20' };
    await spider.connect('aws-seoul', 'ap-northeast-2', catalog);
    await spider.connect('aws-virginia', 'us-east-1', catalog);
    db = await createTestDatabase('tb_rec');
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
  });

  afterAll(async () => {
    await tumblebug?.stop();
    await db?.drop();
    await spider?.stop();
  });

  it("fetches every connection's specs (priced, with coordinates) and images into the system namespace", async () => {
    const specs = await ok(call(tb, 'POST', '/fetchSpecs', {}), 202);
    expect(specs).toMatchObject({ namespaceId: 'system', totalRegions: 2, succeedRegions: 2, registeredSpecs: 24 });
    const images = await ok(call(tb, 'POST', '/fetchImages', { targetProviders: ['mock'] }), 202);
    expect(images).toMatchObject({ totalRegions: 2, succeedRegions: 2, registeredImages: 40 });

    const { spec } = await ok(call(tb, 'GET', '/ns/system/resources/spec'));
    expect(spec).toHaveLength(24);
    const seoul = spec.find((s: Spec) => s.connectionName === 'aws-seoul');
    expect(seoul.id).toMatch(/^mock\+ap-northeast-2\+/);
    expect(seoul).toMatchObject({
      regionName: 'ap-northeast-2',
      regionLatitude: 37.5616592,
      regionLongitude: 126.8736237,
    });
    expect(spec.every((s: Spec) => s.costPerHour > 0)).toBe(true);
    const one = await ok(call(tb, 'GET', `/ns/system/resources/spec/${encodeURIComponent(seoul.id)}`));
    expect(one.cspSpecName).toBe(seoul.cspSpecName);
    expect((await ok(call(tb, 'GET', '/ns/system/resources/image?option=id'))).output).toHaveLength(40);

    const looked = await ok(
      call(tb, 'POST', '/lookupSpec', { connectionName: 'aws-seoul', cspResourceId: seoul.cspSpecName }),
    );
    expect(looked.Name).toBe(seoul.cspSpecName);
  });

  it('ranks by cost (cheapest first) and explains each rank', async () => {
    const ranked: Spec[] = await ok(
      call(tb, 'POST', '/recommendSpec', {
        filter: { policy: [{ metric: 'vCPU', condition: [{ operator: '>=', operand: '2' }] }] },
        priority: { policy: [{ metric: 'cost' }] },
        limit: '5',
      }),
    );
    expect(ranked).toHaveLength(5);
    const costs = ranked.map((s) => s.costPerHour);
    expect(costs).toEqual([...costs].sort((a, b) => a - b));
    const { spec: all } = await ok(call(tb, 'GET', '/ns/system/resources/spec'));
    const cheapest = Math.min(...all.filter((s: { vCPU: number }) => s.vCPU >= 2).map((s: Spec) => s.costPerHour));
    expect(ranked[0]!.costPerHour).toBe(cheapest);
    expect(ranked[0]!.recommendation).toEqual({
      rank: 1,
      scoreParts: [{ metric: 'cost', value: cheapest, explanation: `costs ${cheapest} per hour` }],
    });
  });

  it('ranks by closeness to a coordinate: the nearer region first, explained by distance band and cost', async () => {
    const nearSeoul = { metric: 'location', parameter: [{ key: 'coordinateClose', val: ['37.5/126.9'] }] };
    const ranked: Spec[] = await ok(call(tb, 'POST', '/recommendSpec', { priority: { policy: [nearSeoul] } }));
    expect(ranked).toHaveLength(24);
    expect(ranked.slice(0, 12).every((s) => s.connectionName === 'aws-seoul')).toBe(true);
    const [first] = ranked;
    expect(first!.recommendation.scoreParts.map((p) => p.metric)).toEqual(['location', 'cost', 'location']);
    expect(first!.recommendation.scoreParts[0]!.explanation).toMatch(/within 50 km/);
    const nearVirginia = { ...nearSeoul, parameter: [{ key: 'coordinateClose', val: ['38.9/-77.4'] }] };
    const fromVirginia: Spec[] = await ok(
      call(tb, 'POST', '/recommendSpec', { priority: { policy: [nearVirginia] }, limit: 1 }),
    );
    expect(fromVirginia[0]!.connectionName).toBe('aws-virginia');
  });

  it('passes lookups of one or all specs and images of a connection through from spider', async () => {
    const specs = await ok(call(tb, 'POST', '/lookupSpecs', { connectionName: 'aws-seoul' }));
    expect(specs.vmspec).toHaveLength(12);
    const images = await ok(call(tb, 'POST', '/lookupImages', { connectionName: 'aws-seoul' }));
    expect(images.image).toHaveLength(20);
    const one = images.image[0] as { IId: { NameId: string } };
    const image = await ok(
      call(tb, 'POST', '/lookupImage', { connectionName: 'aws-seoul', cspImageName: one.IId.NameId }),
    );
    expect(image.IId.NameId).toBe(one.IId.NameId);
    expect((await call(tb, 'POST', '/lookupImage', { connectionName: 'aws-seoul' })).status).toBe(400);
    expect((await call(tb, 'POST', '/lookupSpecs', { connectionName: 'nowhere' })).status).toBe(404);
  });

  it('ranks by performance: evaluationScore01, then vCPU, highest first', async () => {
    const ranked: (Spec & { vCPU: number; evaluationScore01?: number })[] = await ok(
      call(tb, 'POST', '/recommendSpec', { priority: { policy: [{ metric: 'performance' }] } }),
    );
    expect(ranked).toHaveLength(24);
    const keys = ranked.map((s) => [Number(s.evaluationScore01 ?? 0), s.vCPU]);
    const sorted = [...keys].sort((a, b) => b[0]! - a[0]! || b[1]! - a[1]!);
    expect(keys).toEqual(sorted);
    expect(ranked[0]!.recommendation.scoreParts.map((p) => p.metric)).toEqual(['performance', 'performance']);
  });

  it("ranks by latency from upstream's provider-region targets, estimated from distance and said so", async () => {
    const fromSeoul: Spec[] = await ok(
      call(tb, 'POST', '/recommendSpec', {
        priority: {
          policy: [{ metric: 'latency', parameter: [{ key: 'latencyMinimal', val: ['mock-ap-northeast-2'] }] }],
        },
        limit: 12,
      }),
    );
    expect(fromSeoul.every((s) => s.connectionName === 'aws-seoul')).toBe(true);
    expect(fromSeoul[0]!.recommendation.scoreParts).toEqual([
      {
        metric: 'latency',
        value: 0,
        explanation: expect.stringMatching(/0 ms from mock-ap-northeast-2 \(0 km\).*estimated from distance/),
      },
    ]);
    const fromVirginia: Spec[] = await ok(
      call(tb, 'POST', '/recommendSpec', {
        priority: { policy: [{ metric: 'latency', parameter: [{ key: 'latencyMinimal', val: ['mock-us-east-1'] }] }] },
        limit: 1,
      }),
    );
    expect(fromVirginia[0]!.connectionName).toBe('aws-virginia');
    const unknown = await call(tb, 'POST', '/recommendSpec', {
      priority: { policy: [{ metric: 'latency', parameter: [{ key: 'latencyMinimal', val: ['mock-moon-1'] }] }] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(
      /^priority\.policy\[0\]\.parameter\[0\]\.val\[0\]: no known region 'mock-moon-1'/,
    );
  });

  it('ranks at random when asked, every filtered spec once', async () => {
    const ranked: Spec[] = await ok(
      call(tb, 'POST', '/recommendSpec', {
        filter: { policy: [{ metric: 'connectionName', condition: [{ operand: 'aws-virginia' }] }] },
        priority: { policy: [{ metric: 'random' }] },
      }),
    );
    expect(ranked).toHaveLength(12);
    expect(new Set(ranked.map((s) => s.id)).size).toBe(12);
    const values = ranked.map((s) => s.recommendation.scoreParts[0]!.value);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it('reviews a dynamic MCIS before creating it: viability per subGroup and the estimated cost', async () => {
    const [spec] = await ok(
      call(tb, 'POST', '/recommendSpec', { priority: { policy: [{ metric: 'cost' }] }, limit: 1 }),
    );
    const { image } = await ok(
      call(tb, 'GET', '/ns/system/resources/image?filterKey=connectionName&filterVal=aws-seoul'),
    );
    const group = { name: 'g1', specId: spec.id, imageId: image[0].id, subGroupSize: 3 };
    await ok(call(tb, 'POST', '/ns', { name: 'review' }));
    const ready = await ok(call(tb, 'POST', '/ns/review/mciDynamicReview', { name: 'plan', subGroups: [group] }));
    expect(ready).toMatchObject({
      overallStatus: 'Ready',
      creationViable: true,
      totalVmCount: 3,
      estimatedCost: `$${(3 * spec.costPerHour).toFixed(4)}/hour`,
      resourceSummary: { connectionNames: [spec.connectionName], availableSpecs: 1, unavailableSpecs: 0 },
    });
    const mixed = await ok(
      call(tb, 'POST', '/ns/review/mciDynamicReview', {
        name: 'plan',
        subGroups: [group, { name: 'g2', specId: 'no-such-spec', imageId: image[0].id }],
      }),
    );
    expect(mixed).toMatchObject({ overallStatus: 'Error', creationViable: false });
    expect(mixed.vmReviews.map((r: { vmName: string; canCreate: boolean }) => [r.vmName, r.canCreate])).toEqual([
      ['g1', true],
      ['g2', false],
    ]);
    expect(mixed.vmReviews[1].errors).toEqual(['spec no-such-spec does not exist']);
    // A review creates nothing.
    expect((await ok(call(tb, 'GET', '/ns/review/mci?option=id'))).output).toEqual([]);
    expect((await ok(call(tb, 'GET', '/ns/review/resources/vNet?option=id'))).output).toEqual([]);
    await ok(call(tb, 'DELETE', '/ns/review'));
  });

  it('refuses a bad recommendation request with a 400 naming the field', async () => {
    const cases: [unknown, RegExp][] = [
      [
        { filter: { policy: [{ metric: 'colour', condition: [{ operand: 'red' }] }] } },
        /^filter\.policy\[0\]\.metric: invalid metric/,
      ],
      [{ filter: { policy: [{ metric: 'vCPU', condition: [{ operator: '>=', operand: 'two' }] }] } }, /operand/],
      [{ priority: { policy: [{ metric: 'vibes' }] } }, /^priority\.policy\[0\]\.metric/],
      [
        { priority: { policy: [{ metric: 'location', parameter: [{ key: 'coordinateClose', val: ['north'] }] }] } },
        /val\[0\]/,
      ],
      [{ limit: -1 }, /^limit: /],
    ];
    for (const [body, message] of cases) {
      const reply = await call(tb, 'POST', '/recommendSpec', body);
      expect(reply.status).toBe(400);
      expect(reply.body.message).toMatch(message);
    }
    const options = await ok(call(tb, 'GET', '/recommendSpecOptions'));
    expect(options.priority.availableMetrics).toEqual(['cost', 'performance', 'location', 'latency', 'random']);
  });
});
