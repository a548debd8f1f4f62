import type { AppError } from '@cb/errors';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryPolicy {
  /** How many times a call failing with UNAVAILABLE is tried again. */
  retries: number;
  /** The first pause; each next one doubles, up to `maxBackoffMs`. */
  backoffMs: number;
  maxBackoffMs: number;
  /** Told before each pause (e.g. to log it). */
  onRetry?: (retry: { method: string; attempt: number; delayMs: number; error: AppError }) => void | Promise<void>;
}

/**
 * Runs `attempt` again while it fails with UNAVAILABLE (the peer is restarting or unreachable:
 * nothing was done), pausing with exponential backoff and jitter so that many callers do not
 * come back in step. Never pauses past `deadline`: then the last error is the answer.
 */
export async function withRetries<T>(
  method: string,
  policy: RetryPolicy,
  deadline: number,
  attempt: () => Promise<T>,
): Promise<T> {
  for (let retry = 1; ; retry++) {
    try {
      return await attempt();
    } catch (error) {
      const appError = error as AppError;
      if (appError.code !== 'UNAVAILABLE' || retry > policy.retries) throw error;
      const delayMs = backoff(policy, retry);
      if (Date.now() + delayMs >= deadline) throw error;
      await policy.onRetry?.({ method, attempt: retry, delayMs, error: appError });
      await sleep(delayMs);
    }
  }
}

/** Equal jitter: half of the exponential step is fixed, the other half random. */
export function backoff(policy: Pick<RetryPolicy, 'backoffMs' | 'maxBackoffMs'>, retry: number): number {
  const step = Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** (retry - 1));
  return Math.round(step / 2 + Math.random() * (step / 2));
}
