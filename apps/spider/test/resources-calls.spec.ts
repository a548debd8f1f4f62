import { startResourceSpider, type ResourceSpider, vpcRequest } from './resources-helpers';

/**
 * The driver call gateway: connections do not wait on each other, a stuck cloud call ends at the deadline,
 * throttled/transient cloud errors become 429/503, and every call lands in the call history.
 */
describe('spider driver calls: isolation, deadlines, errors, history', () => {
  let rs: ResourceSpider;

  beforeAll(async () => {
    rs = await startResourceSpider({
      SPIDER_DRIVER_CALL_TIMEOUT_MS: '6000',
      SPIDER_MAX_CONCURRENT_CALLS_PER_CONNECTION: '2',
    });
    await rs.connect('slow', { LatencyMs: '2500' });
    await rs.connect('fast');
    await rs.connect('stuck', { LatencyMs: '9000' });
    await rs.connect('throttled', { FailOps: 'createVPC:THROTTLED' });
    await rs.connect('flaky', { FailOps: 'createVPC' });
  });
  afterAll(async () => {
    await rs?.stop();
  });

  // Runs first: the abandoned cloud call's own timer (9 s) then ends while the other cases run.
  it('ends a stuck cloud call at the deadline with 504 and leaves no row', async () => {
    const answer = await rs.call('POST', '/vpc', { ConnectionName: 'stuck', ReqInfo: vpcRequest('stuck-vpc') });
    expect(answer.status).toBe(504);
    expect(answer.body.message).toBe("createVPC on connection 'stuck' did not answer within 6000 ms");
    expect(await rs.rows('vpc_iid_infos', 'stuck')).toEqual([]);
  });

  it('answers calls to a fast connection while a slow connection is busy', async () => {
    const finished: string[] = [];
    const slow = rs.call('POST', '/vpc', { ConnectionName: 'slow', ReqInfo: vpcRequest('slow-vpc') }).then((a) => {
      finished.push('slow');
      return a;
    });
    // Fill the slow connection's slots too, so fast calls would queue behind them if connections shared slots.
    const slowToo = rs.call('POST', '/keypair', { ConnectionName: 'slow', ReqInfo: { Name: 'slow-key' } });
    const fast = [];
    for (let i = 0; i < 5; i++) {
      const answer = await rs.call('POST', '/keypair', { ConnectionName: 'fast', ReqInfo: { Name: `fast-key-${i}` } });
      expect(answer.status).toBe(200);
      finished.push(`fast-${i}`);
      fast.push(answer);
    }
    expect((await slow).status).toBe(200);
    expect((await slowToo).status).toBe(200);
    expect(finished).toEqual(['fast-0', 'fast-1', 'fast-2', 'fast-3', 'fast-4', 'slow']);
  });

  it('queues calls beyond the per-connection limit instead of refusing them', async () => {
    const names = ['lim-1', 'lim-2', 'lim-3'];
    const answers = await Promise.all(
      names.map((Name) => rs.call('POST', '/keypair', { ConnectionName: 'slow', ReqInfo: { Name } })),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect((await rs.rows('key_iid_infos', 'slow')).map((r) => r.name_id)).toEqual(expect.arrayContaining(names));
  });

  it('maps throttled cloud errors to 429 and transient ones to 503, with {"message"}', async () => {
    const throttled = await rs.call('POST', '/vpc', { ConnectionName: 'throttled', ReqInfo: vpcRequest() });
    expect(throttled.status).toBe(429);
    expect(throttled.body.message).toMatch(/createVPC failed/);
    const flaky = await rs.call('POST', '/vpc', { ConnectionName: 'flaky', ReqInfo: vpcRequest() });
    expect(flaky.status).toBe(503);
    expect(flaky.body.message).toMatch(/createVPC failed/);
    expect(await rs.rows('vpc_iid_infos', 'throttled')).toEqual([]);
    expect(await rs.rows('vpc_iid_infos', 'flaky')).toEqual([]);
  });

  it('records every driver call, filterable, with per-provider statistics', async () => {
    const throttled = await rs.call('GET', '/callhistory?ConnectionName=throttled');
    expect(throttled.status).toBe(200);
    expect(throttled.body.callhistory).toEqual([
      expect.objectContaining({
        ConnectionName: 'throttled',
        ProviderName: 'MOCK',
        ResourceType: 'vpc',
        ResourceName: 'vpc-01',
        Operation: 'createVPC',
        Outcome: 'THROTTLED',
        ErrorMSG: expect.stringMatching(/createVPC failed/),
      }),
    ]);
    const fastKeys = await rs.call('GET', '/callhistory?ConnectionName=fast&ResourceType=keypair&Outcome=ok');
    expect(fastKeys.body.callhistory.map((c: { ResourceName: string }) => c.ResourceName).sort()).toEqual([
      'fast-key-0',
      'fast-key-1',
      'fast-key-2',
      'fast-key-3',
      'fast-key-4',
    ]);
    const errors = await rs.call('GET', '/callhistory?Outcome=error&limit=1000');
    const all = await rs.call('GET', '/callhistory?limit=1000');
    const stats = await rs.call('GET', '/callhistory/stats');
    expect(stats.body.stats).toEqual([
      expect.objectContaining({
        ProviderName: 'MOCK',
        Calls: all.body.callhistory.length,
        Errors: errors.body.callhistory.length,
      }),
    ]);
    // The slow connection's cloud answers each call after 2.5 s: its recorded latencies say so.
    const slow = await rs.call('GET', '/callhistory/stats?ConnectionName=slow');
    expect(slow.body.stats).toHaveLength(1);
    const { Calls, Errors, AvgMs, P50Ms, P95Ms, MaxMs } = slow.body.stats[0];
    expect([Calls, Errors]).toEqual([5, 0]);
    expect(Math.min(AvgMs, P50Ms, P95Ms, MaxMs)).toBeGreaterThanOrEqual(2500);
    expect(P50Ms <= P95Ms && P95Ms <= MaxMs).toBe(true);
    expect(errors.body.callhistory.map((c: { Outcome: string }) => c.Outcome).sort()).toEqual([
      'THROTTLED',
      'TIMEOUT',
      'UNAVAILABLE',
    ]);
  });

  it('refuses bad history filters with 400', async () => {
    expect((await rs.call('GET', '/callhistory?since=yesterday')).status).toBe(400);
    expect((await rs.call('GET', '/callhistory?limit=0')).status).toBe(400);
  });
});
