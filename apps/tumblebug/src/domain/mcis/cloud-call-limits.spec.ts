import { ThrottledError, UnavailableError } from '@cb/errors';
import { CloudCallLimits } from './cloud-call-limits';

const limits = () =>
  new CloudCallLimits({
    maxConcurrentPerProvider: 30,
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
      maxConcurrentPerProvider: 30,
      maxConcurrentPerRegion: 20,
      callsPerSecondPerProvider: 2,
    });
    expect(l.callsPerSecond('gcp', 'r1')).toBe(2);
  });
});
