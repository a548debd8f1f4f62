import type { Clock } from '../clock';

/** A cloud API's rate limit: `ratePerSec` calls a second, with a burst of one second's worth. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly ratePerSec: number,
    private readonly clock: Clock,
  ) {
    this.tokens = Math.max(1, ratePerSec);
    this.last = clock.now();
  }

  /** Takes a token; when none is left, answers how long until one is (ms), taking nothing. */
  take(): { ok: true } | { ok: false; retryAfterMs: number } {
    const now = this.clock.now();
    const capacity = Math.max(1, this.ratePerSec);
    this.tokens = Math.min(capacity, this.tokens + ((now - this.last) * this.ratePerSec) / 1000);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterMs: Math.max(1, Math.ceil(((1 - this.tokens) * 1000) / this.ratePerSec)) };
  }
}
