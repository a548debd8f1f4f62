import type { Facets } from './search-results';

const LIST_ORDER_MIN = -(2 ** 31);
const LIST_ORDER_RANGE = 2 ** 32;

/** `n` to two significant digits (4,702 → 4,700): an estimate's own precision, no false digits. */
export function roughly(n: number): number {
  if (n < 100) return Math.round(n);
  const unit = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / unit) * unit;
}

/**
 * How many records match when a count stopped after `found` of them: images are listed by list_order, a 32-bit
 * hash of each record's identity, so the matches' list orders are uniform random numbers whatever the query, and
 * the `found` smallest of them, ending at `lastListOrder`, tell how many there are (the k-minimum-values estimate,
 * (k - 1) / u, with a relative error of about 1 / √k: 4.5 % for k = 500). Never fewer than were found.
 */
export function estimateTotal(found: number, lastListOrder: number): number {
  const fraction = (lastListOrder - LIST_ORDER_MIN + 1) / LIST_ORDER_RANGE;
  return Math.max(found, roughly((found - 1) / fraction));
}

/** Facet counts of the first `counted` matches scaled to an estimated `total` (each value's share of the sample). */
export function scaleFacets(facets: Facets, counted: number, total: number): Facets {
  const factor = total / counted;
  return Object.fromEntries(
    Object.entries(facets).map(([name, values]) => [
      name,
      values.map(({ value, count }) => ({ value, count: roughly(count * factor) })),
    ]),
  );
}
