import type { KeyValue, Price } from '@cb/driver-sdk';
import { InvalidArgumentError } from '@cb/errors';

/** What a price can be filtered on, by the key a caller writes (compared without case). */
const FIELDS: Record<string, (price: Price) => string | undefined> = {
  vmspecname: (p) => p.ProductInfo.VMSpecName ?? p.ProductInfo.VMSpecInfo?.Name,
  zonename: (p) => p.ZoneName,
  productid: (p) => p.ProductInfo.ProductId,
  pricingid: (p) => p.PriceInfo.OnDemand?.PricingId,
  unit: (p) => p.PriceInfo.OnDemand?.Unit,
  currency: (p) => p.PriceInfo.OnDemand?.Currency,
};

export const PRICE_FILTER_KEYS = ['VMSpecName', 'ZoneName', 'ProductId', 'PricingId', 'Unit', 'Currency'];

/** Filter keys that are switches of the request rather than conditions on a price. */
const SWITCHES = new Set(['simple', 'connectionname']);

/**
 * Our addition to upstream's `/priceinfo/vm` (which passes no filter, sp#1226): keep the prices whose fields
 * equal the given values, without case. A key given several times matches any of its values ("the price of
 * these specs"); different keys must all match. An unknown key is refused, naming the keys we know.
 */
export class PriceFilter {
  private constructor(private readonly wanted: Map<string, Set<string>>) {}

  static of(filter: KeyValue[]): PriceFilter {
    const wanted = new Map<string, Set<string>>();
    for (const { Key, Value } of filter) {
      const key = String(Key ?? '').toLowerCase();
      if (SWITCHES.has(key)) continue;
      if (!FIELDS[key]) {
        throw new InvalidArgumentError(
          `price filter key '${Key}' is not supported; use ${PRICE_FILTER_KEYS.join(', ')}`,
          { field: 'FilterList' },
        );
      }
      const values = wanted.get(key) ?? new Set<string>();
      values.add(String(Value ?? '').toLowerCase());
      wanted.set(key, values);
    }
    return new PriceFilter(wanted);
  }

  get empty(): boolean {
    return this.wanted.size === 0;
  }

  matches(price: Price): boolean {
    for (const [key, values] of this.wanted) {
      const actual = FIELDS[key](price)?.toLowerCase();
      if (actual === undefined || !values.has(actual)) return false;
    }
    return true;
  }

  async *apply(prices: AsyncIterable<Price>): AsyncGenerator<Price> {
    for await (const price of prices) if (this.matches(price)) yield price;
  }
}
