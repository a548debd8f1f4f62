/**
 * A token bucket: `ratePerSec` tokens a second, holding at most one second's worth (burst). `waitMs`
 * looks without taking, so that a call needing tokens of two buckets (its region's and its provider's)
 * takes both at the same moment or neither.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSec: number,
    private readonly now: () => number,
  ) {
    this.tokens = Math.max(1, ratePerSec);
    this.last = now();
  }

  /** Milliseconds until a token is free (0: one is). */
  waitMs(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : Math.max(1, Math.ceil(((1 - this.tokens) / this.ratePerSec) * 1000));
  }

  /** Takes a token (call after `waitMs()` answered 0). */
  take(): void {
    this.refill();
    this.tokens -= 1;
  }

  private refill() {
    const now = this.now();
    this.tokens = Math.min(Math.max(1, this.ratePerSec), this.tokens + ((now - this.last) / 1000) * this.ratePerSec);
    this.last = now;
  }
}
