import { JetStreamTransport } from '@cb/events';
import { createTestDatabase, testNatsUrl, uniqueName, type TestDatabase } from '@cb/testing';
import { randomBytes } from 'node:crypto';
import { tumblebugService } from '../src';
import { call, ok, quietLogger, startSpider, type SpiderUnderTest } from './mcis-harness';

/**
 * tumblebug on an event stream of its own, so spider's connection events never reach it: a connection
 * registered in spider after tumblebug started is found only by reading it through from spider.
 */
describe('a connection spider has but tumblebug has not heard of yet', () => {
  let spider: SpiderUnderTest;
  let deafTransport: JetStreamTransport;
  let db: TestDatabase;
  let tumblebug: Awaited<ReturnType<typeof tumblebugService.create>>;
  let tb: string;

  beforeAll(async () => {
    spider = await startSpider();
    deafTransport = await JetStreamTransport.connect(testNatsUrl(), {
      stream: uniqueName('DEAF').toUpperCase(),
      subjectPrefix: `${uniqueName('deaf')}.`,
    });
    db = await createTestDatabase('tb_read_through');
    tumblebug = await tumblebugService.create(
      {
        TB_PORT: '0',
        TB_GRPC_PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: db.url,
        SPIDER_GRPC_ADDRESS: spider.grpc,
        CB_SECRET_KEY: randomBytes(32).toString('base64'),
      },
      { events: deafTransport, logger: quietLogger() },
    );
    await tumblebug.start();
    tb = tumblebug.endpoints().rest!;
    await spider.connect('late', 'ap-northeast-2', { Profile: 'aws' });
  });

  afterAll(async () => {
    await tumblebug?.stop();
    await deafTransport?.close();
    await db?.drop();
    await spider?.stop();
  });

  it('is not listed yet, but GET /connConfig/{name} reads it through from spider, region and all', async () => {
    const { connectionconfig } = await ok(call(tb, 'GET', '/connConfig'));
    expect(connectionconfig).toEqual([]);

    const late = await ok(call(tb, 'GET', '/connConfig/late'));
    expect(late).toMatchObject({
      configName: 'late',
      providerName: 'mock',
      regionDetail: { regionId: 'ap-northeast-2', location: { latitude: 37.5616592 } },
    });
    // read through once, then kept like any other
    const listed = await ok(call(tb, 'GET', '/connConfig'));
    expect(listed.connectionconfig.map((c: { configName: string }) => c.configName)).toEqual(['late']);
  });

  it('serves fetchSpecs for it right away', async () => {
    await spider.connect('later', 'us-east-1', { Profile: 'aws', SpecsPerRegion: '5' });
    const fetched = await ok(call(tb, 'POST', '/fetchSpecs', { connectionName: 'later' }), 202);
    expect(fetched).toMatchObject({ totalRegions: 1, succeedRegions: 1, registeredSpecs: 5 });
  });

  it('still answers 404 for a name spider does not know either', async () => {
    const reply = await call(tb, 'GET', '/connConfig/nowhere');
    expect(reply.status).toBe(404);
    expect(reply.body.message).toContain('nowhere');
  });
});
