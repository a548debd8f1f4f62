import {
  call,
  eventually,
  ok,
  type SpiderUnderTest,
  startMcisPlatform,
  staticGroup,
  type TumblebugUnderTest,
} from './mcis-harness';

jest.setTimeout(120_000);

const CONNS = ['sgd-a', 'sgd-b'];
const NS = 'sgdns';

describe('POST /mci/{id}/subGroupDynamic', () => {
  let spider: SpiderUnderTest;
  let tumblebug: TumblebugUnderTest;
  let tb: string;

  beforeAll(async () => {
    ({ spider, tumblebug, tb } = await startMcisPlatform(NS, [
      ['sgd-a', 'default'],
      ['sgd-b', 'mercury'],
    ]));
    await ok(call(tb, 'POST', `/ns/${NS}/mci`, { name: 'grow01', subGroups: [staticGroup('sgd-a', 'g1', 1)] }));
  });

  afterAll(async () => {
    await tumblebug?.stop();
    await spider?.stop();
  });

  const status = async () => (await ok(call(tb, 'GET', `/ns/${NS}/mci/grow01?option=status`))).status.status;
  const sharedVNets = async () =>
    ((await ok(call(tb, 'GET', `/ns/${NS}/resources/vNet?option=id`))).output as string[]).filter((id) =>
      id.includes('-shared-'),
    );

  it("adds a subGroup from a spec and an image, on the spec's connection's shared resources", async () => {
    const answer = await ok(
      call(tb, 'POST', `/ns/${NS}/mcis/grow01/subGroupDynamic`, {
        name: 'd1',
        specId: 'sgd-b-spec',
        imageId: 'sgd-b-img',
        subGroupSize: 2,
      }),
    );
    expect(answer.newVmList).toEqual(['d1-1', 'd1-2']);
    expect(await eventually(status, (s) => s === 'Running:3 (R:3/3)')).toBe('Running:3 (R:3/3)');
    const assoc = await ok(call(tb, 'GET', `/ns/${NS}/mci/grow01/associatedResources`));
    expect(assoc.connectionNames).toEqual(CONNS);
    expect(assoc.vNetIds).toEqual(['sgd-a-net', `${NS}-shared-sgd-b`]);
    expect(await spider.vmNames('sgd-b')).toHaveLength(2);
  });

  it('refuses a taken subGroup name or an unknown image, making nothing', async () => {
    const taken = await call(tb, 'POST', `/ns/${NS}/mci/grow01/subGroupDynamic`, {
      name: 'g1',
      specId: 'sgd-a-spec',
      imageId: 'sgd-a-img',
    });
    expect(taken.status).toBe(409);
    const unknown = await call(tb, 'POST', `/ns/${NS}/mci/grow01/subGroupDynamic`, {
      name: 'd2',
      specId: 'sgd-a-spec',
      imageId: 'no-such-image',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/no-such-image/);
    const missing = await call(tb, 'POST', `/ns/${NS}/mci/grow01/subGroupDynamic`, { name: 'd3' });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toMatch(/specId/);
    expect(await sharedVNets()).toEqual([`${NS}-shared-sgd-b`]);
    expect((await ok(call(tb, 'GET', `/ns/${NS}/mci/grow01/subgroup`))).output.sort()).toEqual(['d1', 'g1']);
  });
});
