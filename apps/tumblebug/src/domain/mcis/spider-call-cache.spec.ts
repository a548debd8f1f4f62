import { SpiderCallCache } from './spider-call-cache';

describe('SpiderCallCache', () => {
  let now = 0;
  const cache = () => new SpiderCallCache({ now: () => now });
  const counting = () => {
    let calls = 0;
    return { load: async () => ++calls, calls: () => calls };
  };

  it('answers from the cache within the TTL and reloads after it', async () => {
    const c = cache();
    const l = counting();
    expect(await c.read('vmStatusList', 'conn', [], l.load)).toBe(1);
    expect(await c.read('vmStatusList', 'conn', [], l.load)).toBe(1);
    now += 1_001;
    expect(await c.read('vmStatusList', 'conn', [], l.load)).toBe(2);
  });

  it('makes one call for identical reads in flight together, separate ones for other arguments', async () => {
    const c = cache();
    let calls = 0;
    const load = (value: string) => async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return value;
    };
    const answers = await Promise.all([
      c.read('vm', 'a', ['x'], load('x1')),
      c.read('vm', 'a', ['x'], load('x2')),
      c.read('vm', 'a', ['x'], load('x3')),
      c.read('vm', 'a', ['y'], load('y1')),
    ]);
    expect(answers).toEqual(['x1', 'x1', 'x1', 'y1']);
    expect(calls).toBe(2);
  });

  it('reloads after a write to the same connection only', async () => {
    const c = cache();
    const l = counting();
    await c.read('vmStatusList', 'a', [], l.load);
    await c.read('vmStatusList', 'b', [], l.load);
    c.invalidate('a');
    c.invalidate('a');
    expect(await c.read('vmStatusList', 'a', [], l.load)).toBe(3);
    expect(await c.read('vmStatusList', 'b', [], l.load)).toBe(2);
    expect(l.calls()).toBe(3);
  });

  it('does not hand a read begun before a write to readers after it', async () => {
    const c = cache();
    let release!: (value: string) => void;
    const before = c.read('vm', 'a', ['x'], () => new Promise<string>((resolve) => (release = resolve)));
    c.invalidate('a');
    const after = c.read('vm', 'a', ['x'], async () => 'fresh');
    release('stale');
    expect(await before).toBe('stale');
    expect(await after).toBe('fresh');
    expect(await c.read('vm', 'a', ['x'], async () => 'again')).toBe('fresh');
  });
});
