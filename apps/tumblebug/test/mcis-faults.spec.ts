import {
  call,
  eventually,
  ok,
  prepareNamespace,
  startSpider,
  startTumblebug,
  staticGroup,
  type SpiderUnderTest,
  type TumblebugUnderTest,
} from './mcis-harness';

jest.setTimeout(300_000);

const NS = 'faults';
const CONN = 'mock-faulty';
const SIZE = 60;

/**
 * A mock cloud where 10% of new VMs never leave Creating (stuck creations, failed after
 * TB_MCIS_CREATE_TIMEOUT_MS) and calls beyond 10 per second are throttled, while tumblebug is allowed
 * 50 per second: creation must retry through the throttling and end by its policy on partial failure.
 */
describe('policyOnPartialFailure with failing and throttling clouds', () => {
  let spider: SpiderUnderTest;
  let tumblebug: TumblebugUnderTest;
  let tb: string;

  beforeAll(async () => {
    spider = await startSpider();
    await spider.connect(CONN, 'default', { VmStuckRate: '0.1', RateLimitPerSec: '10' });
    tumblebug = await startTumblebug(spider, {
      TB_MCIS_CREATE_TIMEOUT_MS: '5000',
      TB_MCIS_CALLS_PER_SECOND_PER_PROVIDER: '50',
      TB_MCIS_BACKOFF_BASE_MS: '200',
      TB_MCIS_BACKOFF_MAX_MS: '2000',
      TB_MCIS_MAX_ATTEMPTS: '30',
    });
    tb = tumblebug.rest;
    await retryThrottled(() => prepareNamespace(tb, NS, [CONN]));
  });

  afterAll(async () => {
    await tumblebug?.stop();
    await spider?.stop();
  });

  /**
   * DELETE ?option=terminate answers 200 once the MCIS is gone, or 202 when that takes longer than the
   * wait (60 terminates at the cloud's 10 calls/s, on a host busy with other work); either way it goes.
   */
  const terminateAndDelete = async (id: string) => {
    const answer = await call(tb, 'DELETE', `/ns/${NS}/mci/${id}?option=terminate`);
    expect([200, 202]).toContain(answer.status);
    const gone = await eventually(
      () => call(tb, 'GET', `/ns/${NS}/mci/${id}`),
      (reply) => reply.status === 404,
      1500,
    );
    expect(gone.status).toBe(404);
  };

  const cspNamesOf = async (id: string) => {
    const reply = await call(tb, 'GET', `/ns/${NS}/mci/${id}/associatedResources`);
    return reply.status === 200 ? (reply.body.cspVmNames as string[]) : [];
  };

  it('refine: drops the failed VMs, terminates them in spider and ends Running for the rest', async () => {
    await ok(
      call(tb, 'POST', `/ns/${NS}/mci`, {
        name: 'refined',
        policyOnPartialFailure: 'refine',
        subGroups: [staticGroup(CONN, 'g1', SIZE)],
      }),
    );
    const settled = await eventually(
      async () => ok(call(tb, 'GET', `/ns/${NS}/mci/refined`)),
      (mci) => mci.targetAction === 'None',
      1500,
    );
    const failed = settled.creationErrors.failedVmCount as number;
    const kept = SIZE - failed;
    expect(failed).toBeGreaterThan(0);
    expect(settled.creationErrors.vmCreationErrors).toHaveLength(failed);
    expect(settled.status).toBe(`Running:${kept} (R:${kept}/${kept})`);
    expect(settled.vm).toHaveLength(kept);
    const inSpider = await spider.vmNames(CONN);
    expect(inSpider).toEqual([...(await cspNamesOf('refined'))].sort());
    expect(await spider.cloudOnlyVms(CONN)).toEqual([]);
  });

  it('rollback: terminates every VM and deletes the MCIS when any VM fails', async () => {
    const before = await spider.vmNames(CONN);
    await ok(
      call(tb, 'POST', `/ns/${NS}/mci`, {
        name: 'rolledback',
        policyOnPartialFailure: 'rollback',
        subGroups: [staticGroup(CONN, 'g1', SIZE)],
      }),
    );
    const gone = await eventually(
      () => call(tb, 'GET', `/ns/${NS}/mci/rolledback`),
      (reply) => reply.status === 404,
      1500,
    );
    expect(gone.status).toBe(404);
    expect(await spider.vmNames(CONN)).toEqual(before);
    expect(await spider.cloudOnlyVms(CONN)).toEqual([]);
  });

  it('continue: keeps the failed VMs until control refine drops them', async () => {
    await ok(call(tb, 'POST', `/ns/${NS}/mci`, { name: 'kept', subGroups: [staticGroup(CONN, 'g1', SIZE)] }));
    const settled = await eventually(
      async () => ok(call(tb, 'GET', `/ns/${NS}/mci/kept`)),
      (mci) => mci.targetAction === 'None',
      1500,
    );
    const failed = settled.creationErrors.failedVmCount as number;
    expect(failed).toBeGreaterThan(0);
    expect(settled.status).toBe(`Partial-Running:${SIZE - failed} (R:${SIZE - failed}/${SIZE})`);
    expect(settled.statusCount).toMatchObject({ countFailed: failed, countRunning: SIZE - failed });
    expect((await ok(call(tb, 'GET', `/ns/${NS}/control/mci/kept?action=refine`))).message).toBe('Refining the MCI');
    const refined = await eventually(
      async () => ok(call(tb, 'GET', `/ns/${NS}/mci/kept?option=status`)),
      (answer) => answer.status.targetAction === 'None' && answer.status.vm.length === SIZE - failed,
      1500,
    );
    expect(refined.status.status).toBe(`Running:${SIZE - failed} (R:${SIZE - failed}/${SIZE - failed})`);
    expect((await spider.vmNames(CONN)).length).toBe(
      (await cspNamesOf('refined')).length + (await cspNamesOf('kept')).length,
    );
    await terminateAndDelete('kept');
  });

  it('deletes the refined MCIS with option=terminate and leaves nothing in spider', async () => {
    await terminateAndDelete('refined');
    expect(await spider.vmNames(CONN)).toEqual([]);
    expect(await spider.cloudOnlyVms(CONN)).toEqual([]);
  });
});

/** Setup calls meet the same throttling: try again after the bucket refills. */
async function retryThrottled(work: () => Promise<void>) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt > 20 || !String(error).includes('429')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
