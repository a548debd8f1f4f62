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

const CONN = 'nsmcis-a';
const NS = 'nsmcis';

describe('a namespace holding an MCIS', () => {
  let spider: SpiderUnderTest;
  let tumblebug: TumblebugUnderTest;
  let tb: string;

  beforeAll(async () => {
    ({ spider, tumblebug, tb } = await startMcisPlatform(NS, [[CONN, 'default']]));
  });

  afterAll(async () => {
    await tumblebug?.stop();
    await spider?.stop();
  });

  const refusal = async () => {
    const reply = await call(tb, 'DELETE', `/ns/${NS}`);
    expect(reply.status).toBe(409);
    return reply.body.message as string;
  };

  it('cannot be deleted while the MCIS exists, even once it is terminated', async () => {
    await ok(call(tb, 'POST', `/ns/${NS}/mci`, { name: 'keep01', subGroups: [staticGroup(CONN, 'g1', 1)] }));
    expect(await refusal()).toMatch(/\bmci: 1\b/);
    const status = async () => (await ok(call(tb, 'GET', `/ns/${NS}/mci/keep01?option=status`))).status.status;
    expect(await eventually(status, (s) => s === 'Running:1 (R:1/1)')).toBe('Running:1 (R:1/1)');
    await ok(call(tb, 'GET', `/ns/${NS}/control/mci/keep01?action=terminate`));
    expect(await eventually(status, (s) => s === 'Terminated:1 (R:0/1)')).toBe('Terminated:1 (R:0/1)');
    // Terminated VMs are gone from the cloud, but the MCIS object still belongs to the namespace.
    expect(await refusal()).toMatch(/\bmci: 1\b/);
    expect((await ok(call(tb, 'GET', `/ns/${NS}`))).id).toBe(NS);
  });

  it('no longer counts the MCIS once it is deleted, and goes once its resources are gone too', async () => {
    await ok(call(tb, 'DELETE', `/ns/${NS}/mci/keep01`));
    expect(await refusal()).not.toMatch(/\bmci: /);
    for (const type of ['sshKey', 'securityGroup', 'vNet', 'spec', 'image']) {
      await ok(call(tb, 'DELETE', `/ns/${NS}/resources/${type}?match=`));
    }
    await ok(call(tb, 'DELETE', `/ns/${NS}`));
    expect((await call(tb, 'GET', `/ns/${NS}`)).status).toBe(404);
    expect(await spider.vmNames(CONN)).toEqual([]);
  });
});
