import { convexHull } from './hull';

describe('convexHull', () => {
  it('keeps the outline and drops the inner points', () => {
    const hull = convexHull([
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [2, 2],
    ]);
    expect(hull).toHaveLength(4);
    expect(hull).not.toContainEqual([2, 2]);
  });
  it('returns one or two distinct points as they are', () => {
    expect(
      convexHull([
        [1, 1],
        [1, 1],
      ]),
    ).toEqual([[1, 1]]);
  });
});
