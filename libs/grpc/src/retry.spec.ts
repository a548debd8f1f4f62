import { UnavailableError } from '@cb/errors';
import { backoff, withRetries } from './retry';

describe('backoff', () => {
  const policy = { backoffMs: 100, maxBackoffMs: 1000 };

  it('doubles each step with jitter in the upper half, capped at the maximum', () => {
    for (let i = 0; i < 200; i++) {
      const first = backoff(policy, 1);
      const third = backoff(policy, 3);
      const late = backoff(policy, 10);
      expect(first).toBeGreaterThanOrEqual(50);
      expect(first).toBeLessThanOrEqual(100);
      expect(third).toBeGreaterThanOrEqual(200);
      expect(third).toBeLessThanOrEqual(400);
      expect(late).toBeGreaterThanOrEqual(500);
      expect(late).toBeLessThanOrEqual(1000);
    }
  });
});

describe('withRetries', () => {
  it('does not pause past the deadline: the last error is the answer', async () => {
    let attempts = 0;
    const failing = () => {
      attempts++;
      return Promise.reject(new UnavailableError('down'));
    };
    const policy = { retries: 5, backoffMs: 10_000, maxBackoffMs: 10_000 };
    await expect(withRetries('/x', policy, Date.now() + 1_000, failing)).rejects.toThrow('down');
    expect(attempts).toBe(1);
  });
});
