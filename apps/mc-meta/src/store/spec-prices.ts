/**
 * Each spec's price is its cheapest live on-demand price: the first entry of its (connection, spec name) range of
 * ix_price_cheapest, or NULL when the connection prices it nowhere. Kept in the spec row by the sync, in the same
 * transaction as the spec or price task that changed it, for every spec of one connection ($1); rows whose price
 * is already right are not written.
 */
export const REFRESH_SPEC_PRICES = `UPDATE spec s SET price_per_hour = c.price, currency = c.currency, unit = c.unit
FROM (
  SELECT s2.id, p.price, p.currency, p.unit FROM spec s2
  LEFT JOIN LATERAL (SELECT price, currency, unit FROM price p
    WHERE p.connection_name = s2.connection_name AND p.spec_name = s2.name AND p.removed_at IS NULL
      AND p.price IS NOT NULL ORDER BY p.connection_name, p.spec_name, p.price LIMIT 1) p ON true
  WHERE s2.connection_name = $1 AND s2.removed_at IS NULL
) c
WHERE s.id = c.id AND (s.price_per_hour, s.currency, s.unit) IS DISTINCT FROM (c.price, c.currency, c.unit)`;

/**
 * The spec and price tasks of one connection take this lock first (instead of one lock per kind), so they take
 * turns: each one's refresh then sees the other's committed rows, and neither waits on the other's row locks while
 * holding a lock the other needs.
 */
export const PRICED_KINDS: ReadonlySet<string> = new Set(['specs', 'prices']);
