import { estimateTotal, roughly, scaleFacets } from './total-estimate';

describe('estimated totals', () => {
  it('keeps two significant digits', () => {
    expect([7, 99, 100, 4702, 4750, 123_456].map(roughly)).toEqual([7, 99, 100, 4700, 4800, 120_000]);
  });

  it('estimates how many uniform list orders there are from where the k-th smallest fell', () => {
    // 50,000 records with seeded pseudo-random 32-bit list orders; the first 501 of them in order.
    let seed = 42;
    const next = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) | 0);
    const orders = Array.from({ length: 50_000 }, next).sort((a, b) => a - b);
    const estimate = estimateTotal(501, orders[500]);
    expect(Math.abs(estimate - 50_000) / 50_000).toBeLessThan(0.15);
  });

  it('never answers fewer than were found, even when they span the whole range', () => {
    expect(estimateTotal(501, 2 ** 31 - 1)).toBe(501);
  });

  it("scales a sample's facet counts to the estimated total", () => {
    const facets = {
      provider: [
        { value: 'aws', count: 300 },
        { value: 'gcp', count: 200 },
      ],
    };
    expect(scaleFacets(facets, 500, 5000)).toEqual({
      provider: [
        { value: 'aws', count: 3000 },
        { value: 'gcp', count: 2000 },
      ],
    });
  });
});
