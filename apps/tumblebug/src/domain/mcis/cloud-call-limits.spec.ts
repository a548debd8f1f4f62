import { ThrottledError, UnavailableError } from '@cb/errors';
import { CloudCallLimits } from './cloud-call-limits';

const limits = () =>
  new CloudCallLimits({
    maxRegionsPerProvider: 30,
    maxConcurrentPerRegion: 20,
    callsPerSecondPerProvider: 100,
    callsPerSecondPerRegion: 5,
  });

describe('CloudCallLimits', () => {
  it("slows a region down when its cloud throttles with a long retry-after, leaving other regions' rates alone", async () => {
    const l = limits();
    await expect(
      l.run('aws', 'r1', async () => {
        throw new ThrottledError('slow down', 1);
      }),
    ).rejects.toThrow('slow down');
    expect(l.callsPerSecond('aws', 'r1')).toBe(5); // 1 ms: only the next token was not ready
    await expect(
      l.run('aws', 'r1', async () => {
        throw new ThrottledError('slow down', 2_000);
      }),
    ).rejects.toThrow('slow down');
    expect(l.callsPerSecond('aws', 'r1')).toBeLessThan(5);
    expect(l.callsPerSecond('aws', 'r2')).toBe(5);
  });

  it('keeps the rate on failures other than throttling and passes results through', async () => {
    const l = limits();
    await expect(
      l.run('aws', 'r1', async () => {
        throw new UnavailableError('down');
      }),
    ).rejects.toThrow('down');
    expect(l.callsPerSecond('aws', 'r1')).toBe(5);
    expect(await l.run('aws', 'r1', async () => 'ok')).toBe('ok');
  });

  it('never runs a region faster than its provider', () => {
    const l = new CloudCallLimits({
      maxRegionsPerProvider: 30,
      maxConcurrentPerRegion: 20,
      callsPerSecondPerProvider: 2,
    });
    expect(l.callsPerSecond('gcp', 'r1')).toBe(2);
  });

  it("caps the regions of a provider worked at once, not the calls: a region's calls never wait for another's", async () => {
    const l = new CloudCallLimits({
      maxRegionsPerProvider: 2,
      maxConcurrentPerRegion: 20,
      callsPerSecondPerProvider: 100,
    });
    const open: Record<string, () => void> = {};
    const started: string[] = [];
    const call = (region: string, name: string) =>
      l.run('aws', region, () => {
        started.push(name);
        return new Promise<void>((resolve) => (open[name] = resolve));
      });
    const calls = [call('r1', 'a'), call('r1', 'b'), call('r2', 'c'), call('r3', 'd'), call('r1', 'e')];
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['a', 'b', 'c', 'e']);
    expect(l.activeRegions('aws')).toBe(2);
    open.c();
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['a', 'b', 'c', 'e', 'd']);
    for (const name of ['a', 'b', 'd', 'e']) open[name]();
    await Promise.all(calls);
    expect(l.activeRegions('aws')).toBe(0);
  });

  it("takes the provider's token together with the region's, so the provider's rate holds over its regions", async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    try {
      const l = new CloudCallLimits({
        maxRegionsPerProvider: 30,
        maxConcurrentPerRegion: 20,
        callsPerSecondPerProvider: 2,
        callsPerSecondPerRegion: 2,
      });
      const started: string[] = [];
      const calls = ['r1', 'r2', 'r3', 'r4'].map((region) =>
        l.run('gcp', region, async () => void started.push(region)),
      );
      await jest.advanceTimersByTimeAsync(0);
      expect(started).toHaveLength(2); // the provider's burst of two, though each region has tokens of its own
      await jest.advanceTimersByTimeAsync(500);
      expect(started).toHaveLength(3);
      await jest.advanceTimersByTimeAsync(500);
      expect(started.sort()).toEqual(['r1', 'r2', 'r3', 'r4']);
      await Promise.all(calls);
    } finally {
      jest.useRealTimers();
    }
  });

  it("starts a region's calls no closer than its spacing even when the provider's rate made one wait", async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    try {
      const l = new CloudCallLimits({
        maxRegionsPerProvider: 30,
        maxConcurrentPerRegion: 20,
        callsPerSecondPerProvider: 10,
        callsPerSecondPerRegion: 1,
      });
      // Other regions take the provider's whole burst; r1's first call waits 100 ms for a provider token.
      const others = Array.from({ length: 10 }, (_, i) => l.run('aws', `other${i}`, async () => undefined));
      const startedAt: number[] = [];
      const r1 = [0, 1].map(() => l.run('aws', 'r1', async () => void startedAt.push(Date.now())));
      await jest.advanceTimersByTimeAsync(3_000);
      await Promise.all([...others, ...r1]);
      expect(startedAt[0]).toBeGreaterThanOrEqual(1_000_100);
      // The region's token was taken when its call started, not while it waited for the provider.
      expect(startedAt[1] - startedAt[0]).toBeGreaterThanOrEqual(1_000);
    } finally {
      jest.useRealTimers();
    }
  });
});
