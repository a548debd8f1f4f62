/** Time as the mock sees it; injected so tests control boot delays, latency and rate limits. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Virtual time for tests: sleeping moves the clock forward at once, so a 30 s VM boot or a per-call latency
 * is observable and deterministic without waiting.
 */
export class ManualClock implements Clock {
  private current: number;

  constructor(start = Date.UTC(2025, 0, 1)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }

  sleep = async (ms: number): Promise<void> => {
    this.advance(ms);
  };
}
