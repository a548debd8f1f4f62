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

const NS = 'evns';
const CONN = 'ev-a';

/**
 * The status agent is fed by spider's events: with settled VMs checked only every 10 minutes, a VM
 * suspended in spider directly (not through tumblebug) shows Suspended in tumblebug because spider's
 * cb.spider.vm.status_changed made its connection due, and a GET still makes no cloud call.
 */
describe("MCIS statuses follow spider's VM status events", () => {
  let spider: SpiderUnderTest;
  let tumblebug: TumblebugUnderTest;
  let tb: string;

  beforeAll(async () => {
    ({ spider, tumblebug, tb } = await startMcisPlatform(NS, [[CONN, 'default']], {
      TB_MCIS_SETTLED_POLL_MS: '600000',
    }));
  });

  afterAll(async () => {
    await tumblebug?.stop();
    await spider?.stop();
  });

  const vmStatus = async () => ok(call(tb, 'GET', `/ns/${NS}/mci/ev01/vm/g1-1?option=status`));
  const spiderCalls = async (since: Date) =>
    (await ok(call(spider.rest, 'GET', `/callhistory?ConnectionName=${CONN}&since=${since.toISOString()}&limit=1000`)))
      .callhistory as { Operation: string }[];

  it('shows a VM suspended behind its back once spider announces it', async () => {
    await ok(call(tb, 'POST', `/ns/${NS}/mci?wait=true`, { name: 'ev01', subGroups: [staticGroup(CONN, 'g1', 1)] }));
    const { cspResourceName } = await ok(call(tb, 'GET', `/ns/${NS}/mci/ev01/vm/g1-1`));
    // Settled: nothing polls the connection any more.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const quiet = new Date();
    for (let i = 0; i < 5; i++) expect((await vmStatus()).status).toBe('Running');
    expect(await spiderCalls(quiet)).toEqual([]);

    await ok(call(spider.rest, 'GET', `/controlvm/${cspResourceName}?ConnectionName=${CONN}&action=suspend`));
    const seen = await eventually(vmStatus, (vm) => vm.status === 'Suspended', 100);
    expect(seen).toMatchObject({ status: 'Suspended', nativeStatus: 'Suspended' });
    expect((await ok(call(tb, 'GET', `/ns/${NS}/mci/ev01?option=status`))).status.status).toBe('Suspended:1 (R:0/1)');
    await ok(call(tb, 'DELETE', `/ns/${NS}/mci/ev01?option=terminate`));
  });
});
