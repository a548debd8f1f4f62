import { AlreadyExistsError, InvalidArgumentError, NotFoundError, ThrottledError } from '@cb/errors';
import { createGrpcClient, type GrpcClient } from '@cb/grpc';
import { spider as proto } from '@cb/proto';
import { startGrpcSpider, type GrpcSpiderUnderTest } from './grpc-harness';

const C = 'grpc-tags';
const THROTTLED = 'grpc-throttled';
const VPC = { ResourceType: 'vpc', ResourceName: 'vpc-01' };

describe('spider gRPC: tags and the call history through @cb/spider-client', () => {
  let spider: GrpcSpiderUnderTest;
  let raw: GrpcClient<typeof proto.SpiderService>;

  beforeAll(async () => {
    spider = await startGrpcSpider();
    await spider.registerMock(C);
    await spider.registerMock(THROTTLED, { FailOps: 'createVPC:THROTTLED' });
    await spider.client.createVpc(C, { Name: 'vpc-01', IPv4_CIDR: '10.0.0.0/16', SubnetInfoList: [] });
    await spider.client.createKeyPair(C, { Name: 'keypair-01' });
    raw = createGrpcClient(proto.SpiderService, spider.address, { token: spider.token, retries: 0 });
  });
  afterAll(async () => {
    raw?.close();
    await spider?.stop();
  });

  it('tags resources by upstream resource type (any case) and the user name', async () => {
    const { client } = spider;
    expect(await client.addTag(C, VPC, { Key: 'env', Value: 'dev' })).toEqual({ Key: 'env', Value: 'dev' });
    const key = { ResourceType: 'KEYPAIR', ResourceName: 'keypair-01' };
    await client.addTag(C, key, { Key: 'team', Value: 'a' });
    expect(await client.listTags(C, VPC)).toEqual({ tag: [{ Key: 'env', Value: 'dev' }], resourceType: 'VPC' });
    expect(await client.getTag(C, key, 'team')).toEqual({ Key: 'team', Value: 'a' });
    expect(await client.removeTag(C, VPC, 'env')).toBe(true);
    expect((await client.listTags(C, VPC)).tag).toEqual([]);
    await expect(client.getTag(C, VPC, 'env')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('maps tag errors to NOT_FOUND and INVALID_ARGUMENT', async () => {
    const { client } = spider;
    const badType = client.listTags(C, { ResourceType: 'Bucket', ResourceName: 'x' });
    await expect(badType).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(badType).rejects.toThrow('bucket is not a valid resource type');
    const noName = client.getTag(C, { ResourceType: 'vpc', ResourceName: '' }, 'env');
    await expect(noName).rejects.toThrow("resources.TagGetRequest:ResourceName's input value is empty!");
    await expect(client.getTag(C, VPC, '')).rejects.toThrow('key is required');
    await expect(
      client.addTag(C, { ResourceType: 'image', ResourceName: 'x' }, { Key: 'k', Value: 'v' }),
    ).rejects.toThrow("tags on resource type 'image' are not supported");
    await expect(client.addTag(C, VPC, { Key: '', Value: 'v' })).rejects.toBeInstanceOf(InvalidArgumentError);
    const noTag = raw.addTag({ connectionName: C, resourceType: 'vpc', resourceName: 'vpc-01' });
    await expect(noTag).rejects.toThrow('tag is required');
    const unknownVpc = client.removeTag(C, { ResourceType: 'vpc', ResourceName: 'vpc-x' }, 'env');
    await expect(unknownVpc).rejects.toBeInstanceOf(NotFoundError);
    await expect(unknownVpc).rejects.toThrow(`VPC 'vpc-x' does not exist in connection '${C}'`);
    expect((await client.listTags(C, VPC)).tag).toEqual([]);
  });

  it('records every driver call, filterable, newest first, with per-provider statistics', async () => {
    const { client } = spider;
    await expect(
      client.createVpc(THROTTLED, { Name: 'vpc-01', IPv4_CIDR: '10.0.0.0/16', SubnetInfoList: [] }),
    ).rejects.toBeInstanceOf(ThrottledError);
    const dup = client.createKeyPair(C, { Name: 'keypair-01' });
    await expect(dup).rejects.toBeInstanceOf(AlreadyExistsError); // refused before any cloud call

    const created = await client.listCallHistory({ ConnectionName: C, ResourceType: 'vpc', Operation: 'createVPC' });
    expect(created).toEqual([
      expect.objectContaining({
        ConnectionName: C,
        ProviderName: 'MOCK',
        ResourceType: 'vpc',
        ResourceName: 'vpc-01',
        Operation: 'createVPC',
        Outcome: 'ok',
      }),
    ]);
    expect(created[0].ElapsedMs).toBeGreaterThanOrEqual(0);
    expect(Number.isNaN(Date.parse(created[0].At))).toBe(false);
    expect(created[0]).not.toHaveProperty('ErrorMSG');
    const throttled = await client.listCallHistory({ ConnectionName: THROTTLED });
    expect(throttled).toEqual([
      expect.objectContaining({ Operation: 'createVPC', Outcome: 'THROTTLED', ErrorMSG: expect.any(String) }),
    ]);

    const all = await client.listCallHistory({ limit: 1000 });
    const errors = await client.listCallHistory({ Outcome: 'error', limit: 1000 });
    expect(errors).toEqual(all.filter((c) => c.Outcome !== 'ok'));
    expect(errors.map((c) => c.ConnectionName)).toContain(THROTTLED);
    expect((await client.listCallHistory({ Outcome: 'THROTTLED' })).map((c) => c.ConnectionName)).toEqual([THROTTLED]);
    const times = all.map((c) => Date.parse(c.At));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(await client.listCallHistory({ limit: 1 })).toEqual([all[0]]);
    expect(await client.listCallHistory({ since: new Date(Date.now() + 60_000) })).toEqual([]);

    expect(await client.getCallHistoryStats()).toEqual([
      expect.objectContaining({ ProviderName: 'MOCK', Calls: all.length, Errors: errors.length }),
    ]);
    const [stats] = await client.getCallHistoryStats({ ConnectionName: C });
    const ofC = all.filter((c) => c.ConnectionName === C);
    expect([stats.Calls, stats.Errors]).toEqual([ofC.length, ofC.filter((c) => c.Outcome !== 'ok').length]);
    expect(stats.P50Ms <= stats.P95Ms && stats.P95Ms <= stats.MaxMs).toBe(true);
  });

  it('refuses bad history filters with INVALID_ARGUMENT naming the problem', async () => {
    const { client } = spider;
    const since = client.listCallHistory({ since: 'yesterday' });
    await expect(since).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(since).rejects.toThrow("since 'yesterday' is not an ISO 8601 time");
    await expect(client.getCallHistoryStats({ since: 'soon' })).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(client.listCallHistory({ limit: 1001 })).rejects.toThrow('limit must be an integer from 1 to 1000');
  });
});
