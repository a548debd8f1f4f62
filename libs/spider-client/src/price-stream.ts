import type { CloudPriceStream, Price } from '@cb/driver-sdk';
import type { spider } from '@cb/proto';
import { fromPriceMessage } from './wire';

/**
 * Turns the ListPrices response stream into upstream's CloudPrice with a streaming PriceList: the
 * first message carries the header (meta, cloud, region), every message a batch of prices.
 */
export async function streamPrices(responses: AsyncIterable<spider.ListPricesResponse>): Promise<CloudPriceStream> {
  const iterator = responses[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header: spider.ListPricesResponse | undefined = first.done ? undefined : first.value;
  async function* prices(): AsyncGenerator<Price> {
    try {
      if (header) for (const price of header.priceList) yield fromPriceMessage(price);
      if (first.done) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        for (const price of next.value.priceList) yield fromPriceMessage(price);
      }
    } finally {
      await iterator.return?.(); // leaving early cancels the call at the server
    }
  }
  return {
    Meta: { Version: header?.meta?.version ?? '', Description: header?.meta?.description ?? '' },
    CloudName: header?.cloudName ?? '',
    RegionName: header?.regionName ?? '',
    PriceList: prices(),
  };
}
