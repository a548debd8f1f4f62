import { spreadCoincident } from './spread';

describe('spreadCoincident', () => {
  it('sets coinciding points on a ring around their place and leaves lone points alone', () => {
    const spread = spreadCoincident([
      [100, 100],
      [100, 100.2],
      [300, 50],
    ]);
    expect(spread[2]).toEqual([300, 50]);
    const [a, b] = [spread[0]!, spread[1]!];
    expect(Math.hypot(a[0] - b[0], a[1] - b[1])).toBeCloseTo(12, 0);
    for (const [x, y] of [a, b]) expect(Math.hypot(x - 100, y - 100)).toBeCloseTo(6, 0);
  });

  it('keeps every point of a larger group at the same distance from the centre', () => {
    const spread = spreadCoincident(
      Array.from({ length: 5 }, () => [10, 10] as [number, number]),
      8,
    );
    expect(new Set(spread.map(([x, y]) => `${x.toFixed(3)},${y.toFixed(3)}`)).size).toBe(5);
    for (const [x, y] of spread) expect(Math.hypot(x - 10, y - 10)).toBeCloseTo(8, 6);
  });
});
