import { AppError } from '@cb/errors';
import { type CallPriority, RegionLane } from './region-lane';

/**
 * How hard tumblebug may push one cloud: per provider and per region (connection) caps on calls in
 * flight, a token bucket per provider and an adaptive one per region, at or below the clouds' documented
 * API limits (upstream's RateLimitConfig: 30 regions per CSP in parallel, 20 VMs per region; AWS EC2's
 * mutating-call refill of 5 per second).
 */
export interface CloudCallLimitOptions {
  maxConcurrentPerProvider: number;
  maxConcurrentPerRegion: number;
  /** Calls per second per provider (token bucket; burst = one second's worth). */
  callsPerSecondPerProvider: number;
  /** Calls per second per region (adaptive token bucket; default 5, never above the provider's rate). */
  callsPerSecondPerRegion?: number;
  /** Longest a background call (status poll) waits behind queued work; default 10 s. */
  maxBackgroundDeferMs?: number;
  now?: () => number;
}

export const DEFAULT_CALLS_PER_SECOND_PER_REGION = 5;
const DEFAULT_MAX_BACKGROUND_DEFER_MS = 10_000;

class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly size: number) {}

  async acquire(): Promise<() => void> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
  }
}

class TokenBucket {
  private tokens: number;
  private last: number;
  constructor(
    private readonly ratePerSec: number,
    private readonly now: () => number,
  ) {
    this.tokens = ratePerSec;
    this.last = now();
  }

  /** Milliseconds to wait before a token is free; takes it when 0. */
  take(): number {
    const now = this.now();
    this.tokens = Math.min(this.ratePerSec, this.tokens + ((now - this.last) / 1000) * this.ratePerSec);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) / this.ratePerSec) * 1000);
  }
}

export class CloudCallLimits {
  private readonly providers = new Map<string, Semaphore>();
  private readonly regions = new Map<string, RegionLane>();
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly now: () => number;

  constructor(private readonly options: CloudCallLimitOptions) {
    this.now = options.now ?? (() => Date.now());
  }

  /**
   * Runs one cloud call once its region lets it start (slot and token), then a provider slot and token
   * are free; a throttled answer slows the region down, a success lets it speed up again. The region
   * goes first so that a region waiting for its rate holds none of the provider's slots.
   */
  async run<T>(provider: string, region: string, work: () => Promise<T>, priority: CallPriority = 'work'): Promise<T> {
    const lane = this.lane(provider, region);
    const releaseRegion = await lane.acquire(priority);
    let releaseProvider: (() => void) | undefined;
    try {
      releaseProvider = await this.slot(provider).acquire();
      await this.token(provider);
      const result = await work();
      lane.succeeded();
      return result;
    } catch (error) {
      if (error instanceof AppError && error.code === 'THROTTLED') {
        const hinted = Number(error.details?.retryAfterMs);
        lane.throttled(Number.isFinite(hinted) && hinted > 0 ? hinted : undefined);
      }
      throw error;
    } finally {
      releaseProvider?.();
      releaseRegion();
    }
  }

  /** The region's current call rate (it drops under throttling). */
  callsPerSecond(provider: string, region: string): number {
    return this.lane(provider, region).callsPerSecond;
  }

  private lane(provider: string, region: string): RegionLane {
    const key = `${provider}/${region}`;
    let lane = this.regions.get(key);
    if (!lane) {
      const configured = this.options.callsPerSecondPerRegion ?? DEFAULT_CALLS_PER_SECOND_PER_REGION;
      lane = new RegionLane({
        maxConcurrent: this.options.maxConcurrentPerRegion,
        callsPerSecond: Math.min(configured, this.options.callsPerSecondPerProvider),
        maxDeferMs: this.options.maxBackgroundDeferMs ?? DEFAULT_MAX_BACKGROUND_DEFER_MS,
        now: this.now,
      });
      this.regions.set(key, lane);
    }
    return lane;
  }

  private slot(provider: string): Semaphore {
    let semaphore = this.providers.get(provider);
    if (!semaphore) this.providers.set(provider, (semaphore = new Semaphore(this.options.maxConcurrentPerProvider)));
    return semaphore;
  }

  private async token(provider: string): Promise<void> {
    let bucket = this.buckets.get(provider);
    if (!bucket)
      this.buckets.set(provider, (bucket = new TokenBucket(this.options.callsPerSecondPerProvider, this.now)));
    for (let wait = bucket.take(); wait > 0; wait = bucket.take()) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
