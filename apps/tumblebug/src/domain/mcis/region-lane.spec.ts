import { RegionLane } from './region-lane';

const lane = (callsPerSecond = 5, maxConcurrent = 20) =>
  new RegionLane({ maxConcurrent, callsPerSecond, maxDeferMs: 10_000, now: () => Date.now() });

describe('RegionLane', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  it("starts a second's worth of calls less one at once, then one per token", async () => {
    const region = lane(5);
    const started: number[] = [];
    for (let i = 0; i < 8; i++) void region.acquire('work').then((release) => (started.push(i), release()));
    await jest.advanceTimersByTimeAsync(0);
    expect(started).toEqual([0, 1, 2, 3]);
    await jest.advanceTimersByTimeAsync(200);
    expect(started).toHaveLength(5);
    await jest.advanceTimersByTimeAsync(400);
    expect(started).toHaveLength(7);
  });

  it('leaves the cloud a spare token, so calls reaching it after varying delays are not throttled', async () => {
    // The cloud: the same rate, a burst of a second's worth. The burst reaches it together, later calls
    // 180 or 20 ms after they start, so some arrive sooner after the one before than they were sent.
    const cloud = { tokens: 5, last: Date.now(), refused: 0, accepted: 0 };
    const arrive = () => {
      const now = Date.now();
      cloud.tokens = Math.min(5, cloud.tokens + ((now - cloud.last) / 1000) * 5);
      cloud.last = now;
      if (cloud.tokens >= 1) {
        cloud.tokens -= 1;
        cloud.accepted++;
      } else cloud.refused++;
    };
    const region = lane(5);
    for (let i = 0; i < 40; i++) {
      void region.acquire('work').then((release) => {
        setTimeout(arrive, i < 5 ? 100 : i % 2 ? 180 : 20);
        release();
      });
    }
    await jest.advanceTimersByTimeAsync(10_000);
    expect(cloud).toMatchObject({ accepted: 40, refused: 0 });
  });

  it('serves queued work before background calls', async () => {
    const region = lane(1);
    const order: string[] = [];
    const take = (name: string, priority: 'work' | 'background') =>
      void region.acquire(priority).then((release) => (order.push(name), release()));
    take('first', 'work');
    take('poll', 'background');
    take('second', 'work');
    await jest.advanceTimersByTimeAsync(2_500);
    expect(order).toEqual(['first', 'second', 'poll']);
  });

  it('pauses for the retry-after and slows down when the cloud refills slower than it is asked', async () => {
    const region = lane(5);
    region.throttled(2_000);
    expect(region.callsPerSecond).toBeLessThan(5);
    const started: number[] = [];
    void region.acquire('work').then((release) => (started.push(Date.now()), release()));
    await jest.advanceTimersByTimeAsync(1_999);
    expect(started).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(started).toHaveLength(1);
  });

  it('keeps its rate when the cloud only asks to wait for its next token', () => {
    const region = lane(5);
    region.throttled(150);
    expect(region.callsPerSecond).toBe(5);
  });

  it('lowers the rate once per burst of throttles and raises it back, never above the configured rate', () => {
    const region = lane(5);
    for (let i = 0; i < 10; i++) region.throttled(undefined);
    const lowered = region.callsPerSecond;
    expect(lowered).toBe(4);
    region.succeeded();
    expect(region.callsPerSecond).toBeGreaterThan(lowered);
    for (let i = 0; i < 100; i++) region.succeeded();
    expect(region.callsPerSecond).toBe(5);
  });
});
