import { call, ok, startSpider, startTumblebug, type SpiderUnderTest, type TumblebugUnderTest } from './mcis-harness';

jest.setTimeout(120_000);

const TOKEN = 'spider-shared-token';
const CONN = 'token-conn';

describe("spider's gRPC with CB_SERVICE_TOKEN set", () => {
  let spider: SpiderUnderTest;
  let shared: TumblebugUnderTest;
  let wrong: TumblebugUnderTest;

  beforeAll(async () => {
    spider = await startSpider({ CB_SERVICE_TOKEN: TOKEN });
    await spider.connect(CONN, 'default');
    // Only the platform-wide variable: tumblebug must send it to spider too.
    shared = await startTumblebug(spider, { CB_SERVICE_TOKEN: TOKEN });
    wrong = await startTumblebug(spider, { CB_SERVICE_TOKEN: TOKEN, SPIDER_GRPC_TOKEN: 'not-the-token' });
  });

  afterAll(async () => {
    await shared?.stop();
    await wrong?.stop();
    await spider?.stop();
  });

  it('is reached by a tumblebug given only CB_SERVICE_TOKEN', async () => {
    const configs = await ok(call(shared.rest, 'GET', '/connConfig'));
    expect(configs.connectionconfig.map((c: { configName: string }) => c.configName)).toEqual([CONN]);
    const specs = await ok(call(shared.rest, 'POST', '/lookupSpecs', { connectionName: CONN }));
    expect(specs.vmspec.map((s: { Name: string }) => s.Name)).toContain('mock-vmspec-01');
  });

  it('refuses a tumblebug whose SPIDER_GRPC_TOKEN is another', async () => {
    // Its start-up read of spider's connections was refused, so it knows none.
    expect((await ok(call(wrong.rest, 'GET', '/connConfig'))).connectionconfig).toEqual([]);
    const refused = await call(wrong.rest, 'POST', '/lookupSpecs', { connectionName: CONN });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.body.message).toMatch(/token/);
  });
});
