import { UnauthenticatedError } from '@cb/errors';
import { checkHealth, listServicesByReflection } from '@cb/grpc';
import { SpiderClient } from '@cb/spider-client';
import { startGrpcSpider, type GrpcSpiderUnderTest } from './grpc-harness';

describe('spider gRPC: shared-token auth, health and reflection', () => {
  let spider: GrpcSpiderUnderTest;

  beforeAll(async () => {
    spider = await startGrpcSpider();
  });
  afterAll(() => spider?.stop());

  it('refuses calls without the token or with a wrong one', async () => {
    const anonymous = new SpiderClient(spider.address, { retries: 0 });
    const impostor = new SpiderClient(spider.address, { token: 'x'.repeat(48), retries: 0 });
    try {
      await expect(anonymous.listConnectionConfigs()).rejects.toBeInstanceOf(UnauthenticatedError);
      await expect(impostor.listConnectionConfigs()).rejects.toBeInstanceOf(UnauthenticatedError);
      expect(await spider.client.listConnectionConfigs()).toEqual([]);
    } finally {
      anonymous.close();
      impostor.close();
    }
  });

  it('answers health SERVING for the server and for cb.spider.v1.SpiderService, without a token', async () => {
    expect(await checkHealth(spider.address)).toBe('SERVING');
    expect(await checkHealth(spider.address, 'cb.spider.v1.SpiderService')).toBe('SERVING');
  });

  it('lists cb.spider.v1.SpiderService through server reflection', async () => {
    expect(await listServicesByReflection(spider.address)).toContain('cb.spider.v1.SpiderService');
  });
});
