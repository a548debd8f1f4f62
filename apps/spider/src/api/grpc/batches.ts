import { InvalidArgumentError } from '@cb/errors';

/**
 * Streamed lists go out in batches: one gRPC message per record costs a frame and an event-loop turn
 * each. Measured on 100,000 images (tools/bench/README.md), 100 per message beat both 1 (~1.3x slower)
 * and 500+ (~2x slower: a message that outgrows HTTP/2's 64 KiB flow-control window waits for the
 * window update), so 100 is the default.
 */
export const DEFAULT_BATCH_SIZE = 100;
export const MAX_BATCH_SIZE = 5_000;

/** The request's `batch_size`: 0 means the default; above the maximum is the caller's mistake. */
export function batchSizeOf(requested: number): number {
  if (requested === 0) return DEFAULT_BATCH_SIZE;
  if (requested > MAX_BATCH_SIZE) {
    throw new InvalidArgumentError(`batch_size ${requested} is above the maximum of ${MAX_BATCH_SIZE}`, {
      field: 'batch_size',
    });
  }
  return requested;
}

/** Groups a (possibly endless) stream of records into arrays of `size`, mapping each record on the way. */
export async function* batched<T, R>(
  records: AsyncIterable<T> | Iterable<T>,
  size: number,
  map: (record: T) => R,
): AsyncGenerator<R[]> {
  let batch: R[] = [];
  for await (const record of records) {
    batch.push(map(record));
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
