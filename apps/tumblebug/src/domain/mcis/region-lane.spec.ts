import { RegionLane } from './region-lane';

const lane = (callsPerSecond = 5, maxConcurrent = 20) =>
  new RegionLane({ maxConcurrent, callsPerSecond, maxDeferMs: 10_000, now: () => Date.now() });

describe('RegionLane', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  it("starts a second's worth of calls at once, then one per token", async () => {
    const region = lane(5);
    const started: number[] = [];
    for (let i = 0; i < 8; i++) void region.acquire('work').then((release) => (started.push(i), release()));
    await jest.advanceTimersByTimeAsync(0);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    await jest.advanceTimersByTimeAsync(200);
    expect(started).toHaveLength(6);
    await jest.advanceTimersByTimeAsync(400);
    expect(started).toHaveLength(8);
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
