/**
 * One region's (connection's) gate to its cloud: at most `maxConcurrent` calls in flight, started no
 * faster than an adaptive token bucket allows, and only when the provider's bucket (`provider`, shared by
 * the provider's regions) has a token too: a call takes both tokens at the moment it starts, so no call
 * holds a region token while it waits for the provider (and then reaches the cloud late, bunched with the
 * next). Its burst leaves the cloud one token of a second's worth unspent (see `capacity`).
 *
 * The bucket's rate starts at the configured one; a throttled answer pauses the region for the cloud's
 * retry-after, and lowers the rate (at most once per second, so one burst of throttles counts once) when
 * the cloud's wait is unknown or longer than our spacing of calls, i.e. the cloud refills slower than we
 * send (a shorter wait is a call arriving just before the cloud's next token, e.g. after another client of
 * the account took one). Successes raise the rate back slowly to the configured one (AIMD). Background
 * calls (status polls) go after queued work, but never wait longer than `maxDeferMs`, so statuses stay
 * fresh during a long creation.
 */
export type CallPriority = 'work' | 'background';

export interface RegionLaneOptions {
  maxConcurrent: number;
  callsPerSecond: number;
  maxDeferMs: number;
  now: () => number;
  /** The provider's bucket, shared with its other regions. */
  provider?: { waitMs(): number; take(): void };
}

/** Multiplicative decrease on throttling, and the floor the rate never goes under. */
const DECREASE = 0.8;
const MIN_RATE_PER_SEC = 0.1;
/** Each success raises the rate by this share of the configured rate (about 1 s to recover a decrease). */
const INCREASE_SHARE = 0.04;
const DECREASE_HOLD_MS = 1000;

interface Waiter {
  priority: CallPriority;
  since: number;
  start: () => void;
}

export class RegionLane {
  private rate: number;
  private tokens: number;
  private last: number;
  private pausedUntil = 0;
  private lastDecrease = -Infinity;
  private active = 0;
  private readonly work: Waiter[] = [];
  private readonly background: Waiter[] = [];
  private timer?: NodeJS.Timeout;

  constructor(private readonly options: RegionLaneOptions) {
    this.rate = options.callsPerSecond;
    this.tokens = this.capacity();
    this.last = options.now();
  }

  /** The current call rate (calls per second). */
  get callsPerSecond(): number {
    return this.rate;
  }

  /** Resolves with a release function once this call may start. */
  acquire(priority: CallPriority): Promise<() => void> {
    return new Promise((resolve) => {
      const waiter: Waiter = {
        priority,
        since: this.options.now(),
        start: () => {
          this.active++;
          let released = false;
          resolve(() => {
            if (released) return;
            released = true;
            this.active--;
            this.pump();
          });
        },
      };
      (priority === 'work' ? this.work : this.background).push(waiter);
      this.pump();
    });
  }

  /** The cloud throttled a call: wait what it asked, and slow down. */
  throttled(retryAfterMs: number | undefined) {
    const now = this.options.now();
    this.pausedUntil = Math.max(this.pausedUntil, now + Math.max(0, retryAfterMs ?? 1000 / this.rate));
    this.tokens = Math.min(this.tokens, 0);
    const slowerCloud = retryAfterMs === undefined || retryAfterMs > 1000 / this.rate;
    if (slowerCloud && now - this.lastDecrease >= DECREASE_HOLD_MS) {
      this.lastDecrease = now;
      this.rate = Math.max(MIN_RATE_PER_SEC, this.rate * DECREASE);
    }
  }

  succeeded() {
    const configured = this.options.callsPerSecond;
    this.rate = Math.min(configured, this.rate + configured * INCREASE_SHARE);
  }

  private next(): Waiter | undefined {
    const oldBackground = this.background[0];
    if (oldBackground && this.options.now() - oldBackground.since >= this.options.maxDeferMs)
      return this.background.shift();
    return this.work.shift() ?? this.background.shift();
  }

  private pump() {
    while ((this.work.length || this.background.length) && this.active < this.options.maxConcurrent) {
      const wait = this.takeToken();
      if (wait > 0) {
        if (!this.timer)
          this.timer = setTimeout(() => {
            this.timer = undefined;
            this.pump();
          }, wait);
        return;
      }
      this.next()!.start();
    }
  }

  /**
   * The burst: a second's worth of calls less one, the cloud's token we leave unspent so that a call
   * reaching the cloud sooner after the one before than we sent it (calls reach it after a variable delay)
   * still finds a token there.
   */
  private capacity(): number {
    return Math.max(1, Math.ceil(this.rate) - 1);
  }

  /** Milliseconds until both a region and a provider token are free; takes them when 0. */
  private takeToken(): number {
    const now = this.options.now();
    if (now < this.pausedUntil) return Math.ceil(this.pausedUntil - now);
    const from = Math.max(this.last, this.pausedUntil);
    // The cloud said when a call is welcome again: one may go then, the rest at the rate.
    if (this.last < this.pausedUntil) this.tokens = Math.max(this.tokens, 1);
    this.tokens = Math.min(this.capacity(), this.tokens + ((now - from) / 1000) * this.rate);
    this.last = now;
    if (this.tokens < 1) return Math.max(1, Math.ceil(((1 - this.tokens) / this.rate) * 1000));
    const providerWait = this.options.provider?.waitMs() ?? 0;
    if (providerWait > 0) return providerWait;
    this.tokens -= 1;
    this.options.provider?.take();
    return 0;
  }
}
