/**
 * At most `limit` pieces of work at once; the rest wait their turn in arrival order. Sync tasks use it so a burst
 * of requests cannot swamp the database, searches so that the database's cores, not the number of clients, set
 * how many statements run at once: past that, more in flight only share the same CPU and stretch every answer.
 */
export class ConcurrencyLimiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await work();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}
