import { AppError } from '@cb/errors';
import { type CallPriority, RegionLane } from './region-lane';
import { RegionSlots } from './region-slots';
import { TokenBucket } from './token-bucket';

/**
 * How hard tumblebug may push one cloud, as upstream's RateLimitConfig: per provider a cap on the regions
 * worked at once (30 per CSP), per region (connection) a cap on calls in flight (20 VMs per region), and
 * token buckets per provider and per region (adaptive), at or below the clouds' documented API limits
 * (AWS EC2's mutating-call refill of 5 per second).
 */
export interface CloudCallLimitOptions {
  /** Regions of one provider with calls queued or running at once (upstream's MaxConcurrentRegions). */
  maxRegionsPerProvider: number;
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
export const DEFAULT_MAX_BACKGROUND_DEFER_MS = 10_000;

export class CloudCallLimits {
  private readonly slots = new Map<string, RegionSlots>();
  private readonly regions = new Map<string, RegionLane>();
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly now: () => number;

  constructor(private readonly options: CloudCallLimitOptions) {
    this.now = options.now ?? (() => Date.now());
  }

  /**
   * Runs one cloud call once its region holds one of the provider's region slots and its lane lets it
   * start (a call slot, a region token and a provider token, taken together); a throttled answer slows
   * the region down, a success lets it speed up again.
   */
  async run<T>(provider: string, region: string, work: () => Promise<T>, priority: CallPriority = 'work'): Promise<T> {
    const lane = this.lane(provider, region);
    const leaveSlot = await this.regionSlots(provider).enter(region);
    try {
      const release = await lane.acquire(priority);
      try {
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
        release();
      }
    } finally {
      leaveSlot();
    }
  }

  /** The region's current call rate (it drops under throttling). */
  callsPerSecond(provider: string, region: string): number {
    return this.lane(provider, region).callsPerSecond;
  }

  /** Regions of the provider holding a slot now. */
  activeRegions(provider: string): number {
    return this.regionSlots(provider).size;
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
        provider: this.bucket(provider),
      });
      this.regions.set(key, lane);
    }
    return lane;
  }

  private regionSlots(provider: string): RegionSlots {
    let slots = this.slots.get(provider);
    if (!slots) this.slots.set(provider, (slots = new RegionSlots(this.options.maxRegionsPerProvider)));
    return slots;
  }

  private bucket(provider: string): TokenBucket {
    let bucket = this.buckets.get(provider);
    if (!bucket)
      this.buckets.set(provider, (bucket = new TokenBucket(this.options.callsPerSecondPerProvider, this.now)));
    return bucket;
  }
}
