import { seededRandom, unit, unit3 } from './random';

describe('unit3', () => {
  it('draws what unit draws from the same three parts', () => {
    const next = seededRandom('unit3');
    for (let i = 0; i < 10_000; i++) {
      const [a, b, c] = [next(), next(), next()].map((u) => Math.floor(u * 0x1_0000_0000) - (i % 2) * 0x8000_0000);
      expect(unit3(a, b, c)).toBe(unit(a, b, c));
    }
  });
});
