import { InvalidArgumentError } from '@cb/errors';
import { batched, batchSizeOf, DEFAULT_BATCH_SIZE, MAX_BATCH_SIZE } from './batches';

async function* count(n: number) {
  for (let i = 1; i <= n; i++) yield i;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('batched streams', () => {
  it('groups records in order into full batches and a last partial one, mapping each', async () => {
    expect(await collect(batched(count(7), 3, (n) => n * 10))).toEqual([[10, 20, 30], [40, 50, 60], [70]]);
  });

  it('sends nothing for an empty stream', async () => {
    expect(await collect(batched(count(0), 3, (n) => n))).toEqual([]);
  });

  it('uses the default for 0 and refuses a batch above the maximum', () => {
    expect(batchSizeOf(0)).toBe(DEFAULT_BATCH_SIZE);
    expect(batchSizeOf(1)).toBe(1);
    expect(batchSizeOf(MAX_BATCH_SIZE)).toBe(MAX_BATCH_SIZE);
    expect(() => batchSizeOf(MAX_BATCH_SIZE + 1)).toThrow(InvalidArgumentError);
  });
});
