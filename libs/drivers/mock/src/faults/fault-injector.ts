import { DriverError } from '@cb/driver-sdk';
import type { Clock } from '../clock';
import type { MockConfig } from '../config';
import { TokenBucket } from './token-bucket';

/**
 * Decides, before each driver call, whether the simulated cloud answers it: after the configured latency, a
 * forced failure for listed operations, then the rate limit, then the random failure rate.
 */
export class FaultInjector {
  private bucket?: TokenBucket;

  constructor(
    private readonly clock: Clock,
    private readonly random: () => number,
  ) {}

  async beforeCall(operation: string, config: MockConfig): Promise<void> {
    if (config.latencyMs > 0) await this.clock.sleep(config.latencyMs);

    const forced = config.failOps.find((f) => f.operation === operation);
    if (forced) {
      throw new DriverError(forced.kind, `mock: ${operation} failed as configured (FailOps)`, {
        retryAfterMs: forced.kind === 'THROTTLED' ? 1000 : undefined,
      });
    }

    if (config.rateLimitPerSec !== undefined) {
      if (this.bucket?.ratePerSec !== config.rateLimitPerSec)
        this.bucket = new TokenBucket(config.rateLimitPerSec, this.clock);
      const taken = this.bucket.take();
      if (!taken.ok) {
        throw new DriverError('THROTTLED', `mock: rate limit of ${config.rateLimitPerSec}/s exceeded on ${operation}`, {
          retryAfterMs: taken.retryAfterMs,
        });
      }
    }

    if (config.failureRate > 0 && this.random() < config.failureRate) {
      throw new DriverError('TRANSIENT', `mock: ${operation} failed transiently (FailureRate ${config.failureRate})`);
    }
  }
}
