import { KeyedConcurrencyLimit } from './concurrency-limit';

const settled = async <T>(promise: Promise<T>) => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((r) => setImmediate(r));
  return done;
};

describe('KeyedConcurrencyLimit', () => {
  it('lets `limit` tasks of a key run and queues the next until one is released', async () => {
    const limit = new KeyedConcurrencyLimit(2);
    const first = await limit.acquire('slow');
    await limit.acquire('slow');
    const third = limit.acquire('slow');
    expect(await settled(third)).toBe(false);
    expect(limit.usage('slow')).toEqual({ running: 2, waiting: 1 });
    first();
    expect(await settled(third)).toBe(true);
    expect(limit.usage('slow')).toEqual({ running: 2, waiting: 0 });
  });

  it('never makes one key wait for another', async () => {
    const limit = new KeyedConcurrencyLimit(1);
    await limit.acquire('slow');
    expect(await settled(limit.acquire('fast'))).toBe(true);
  });

  it('drops a waiter whose signal aborts, and a double release frees one slot only', async () => {
    const limit = new KeyedConcurrencyLimit(1);
    const release = await limit.acquire('k');
    const abort = new AbortController();
    const waiting = limit.acquire('k', abort.signal);
    abort.abort(new Error('deadline'));
    await expect(waiting).rejects.toThrow('deadline');
    expect(limit.usage('k')).toEqual({ running: 1, waiting: 0 });
    release();
    release();
    expect(limit.usage('k')).toEqual({ running: 0, waiting: 0 });
  });
});
