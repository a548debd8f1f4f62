import { UnauthenticatedError } from '@cb/errors';
import { InProcessTransport } from '@cb/events';
import { checkHealth } from '@cb/grpc';
import { SpiderClient } from '@cb/spider-client';
import { randomBytes } from 'node:crypto';
import { loadSpiderConfig } from '../src/config';
import { MOCK, registerMock, startSpider, type SpiderUnderTest } from './cim-helpers';

/*
 * Services authenticate each other's gRPC calls with one shared token: CB_SERVICE_TOKEN. spider (the whole
 * service, as main.ts and the platform start it) requires it on every SpiderService call when it is set.
 */
describe('spider gRPC with CB_SERVICE_TOKEN', () => {
  const token = randomBytes(24).toString('base64url');
  const events = new InProcessTransport();
  let spider: SpiderUnderTest;
  let address: string;
  const clients: SpiderClient[] = [];
  const client = (options: { token?: string } = {}) => {
    const made = new SpiderClient(address, { ...options, retries: 0, deadlineMs: 10_000 });
    clients.push(made);
    return made;
  };

  beforeAll(async () => {
    spider = await startSpider(events, { CB_SERVICE_TOKEN: token });
    address = spider.service.endpoints().grpc!;
    await registerMock(spider);
  });

  afterAll(async () => {
    for (const made of clients) made.close();
    await spider.stop();
    await events.close();
  });

  it('answers a caller that sends the token', async () => {
    const configs = await client({ token }).listConnectionConfigs();
    expect(configs.map((c) => c.ConfigName)).toContain(MOCK.config.ConfigName);
  });

  it('refuses a caller without the token or with another one, naming no secret', async () => {
    for (const caller of [client(), client({ token: `${token}x` })]) {
      const failure = await caller.listConnectionConfigs().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(UnauthenticatedError);
      expect((failure as Error).message).not.toContain(token);
    }
  });

  it('keeps health open without the token (probes)', async () => {
    expect(await checkHealth(address)).toBe('SERVING');
  });
});

describe('CB_SERVICE_TOKEN in spider config', () => {
  const env = {
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/spider',
    SPIDER_USERNAME: 'u',
    SPIDER_PASSWORD: 'p',
    CB_SECRET_KEY: randomBytes(32).toString('base64'),
  };

  it('is optional: unset or blank means no token is required', () => {
    expect(loadSpiderConfig(env).serviceToken).toBeUndefined();
    expect(loadSpiderConfig({ ...env, CB_SERVICE_TOKEN: '  ' }).serviceToken).toBeUndefined();
    expect(loadSpiderConfig({ ...env, CB_SERVICE_TOKEN: 'shared-secret' }).serviceToken).toBe('shared-secret');
  });
});
