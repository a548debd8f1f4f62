import {
  call,
  eventually,
  ok,
  type SpiderUnderTest,
  startMcisPlatform,
  staticGroup,
  type TestConnection,
  type TumblebugUnderTest,
} from './mcis-harness';

jest.setTimeout(180_000);

const NS = 'pace';
const CONNS = ['pace-a', 'pace-b'];
const SIZE = 15;

interface HistoryCall {
  At: string;
  ElapsedMs: number;
  Operation: string;
  Outcome: string;
}

/**
 * How a creation spends a rate-limited region's calls: the VMs' creates, and one status listing once the
 * region's work is done (not one per status tick while it is still sending VMs). Two regions of 5 calls per second with 100 ms per call; the status agent ticks
 * every 200 ms, so a listing per tick during the creation would show.
 */
describe('MCIS creation pace in rate-limited regions', () => {
  let spider: SpiderUnderTest;
  let tumblebug: TumblebugUnderTest;
  let tb: string;

  beforeAll(async () => {
    ({ spider, tumblebug, tb } = await startMcisPlatform(
      NS,
      CONNS.map((conn): TestConnection => [conn, 'default', { LatencyMs: '100', RateLimitPerSec: '5' }]),
      { TB_MCIS_CALLS_PER_SECOND_PER_PROVIDER: '10' },
    ));
    await new Promise((resolve) => setTimeout(resolve, 1500)); // the regions' buckets full again
  });

  afterAll(async () => {
    await tumblebug?.stop();
    await spider?.stop();
  });

  const history = async (conn: string, since: Date): Promise<HistoryCall[]> =>
    (await ok(call(spider.rest, 'GET', `/callhistory?ConnectionName=${conn}&since=${since.toISOString()}&limit=1000`)))
      .callhistory;

  it('creates the VMs with one status listing per region, after its last create', async () => {
    const since = new Date();
    await ok(
      call(tb, 'POST', `/ns/${NS}/mci`, {
        name: 'paced',
        subGroups: CONNS.map((conn, i) => staticGroup(conn, `g${i + 1}`, SIZE)),
      }),
    );
    const settled = await eventually(
      async () => (await ok(call(tb, 'GET', `/ns/${NS}/mci/paced?option=status`))).status,
      (s) => s.targetAction === 'None',
    );
    expect(settled.status).toBe(`Running:${2 * SIZE} (R:${2 * SIZE}/${2 * SIZE})`);

    for (const conn of CONNS) {
      const calls = await history(conn, since);
      const ok = (operation: string) => calls.filter((c) => c.Operation === operation && c.Outcome === 'ok');
      const creates = ok('startVM');
      expect(creates).toHaveLength(SIZE);
      const listings = ok('listVMStatus');
      expect(listings).toHaveLength(1);
      const lastCreate = Math.max(...creates.map((c) => Date.parse(c.At)));
      expect(Date.parse(listings[0].At)).toBeGreaterThanOrEqual(lastCreate);
      expect(ok('getVM')).toEqual([]); // the create's answer gave the VM's addresses
    }
  });

  it("marks the namespace's resources used by every VM, so they cannot be deleted while it exists", async () => {
    const refused = await call(tb, 'DELETE', `/ns/${NS}/resources/sshKey/${CONNS[0]}-key`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('paced/g1-1');
    expect(refused.body.message).toContain(`paced/g1-${SIZE}`);
    await ok(call(tb, 'DELETE', `/ns/${NS}/mci/paced?option=terminate`));
    await ok(call(tb, 'DELETE', `/ns/${NS}/resources/sshKey/${CONNS[0]}-key`));
  });
});
