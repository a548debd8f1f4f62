import { z } from 'zod';
import { definePlugin, type ProxyExchange } from './types';

const PERIODS = { second: 1_000, minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;
type Period = keyof typeof PERIODS;
const HEADER_PERIOD: Record<Period, string> = { second: 'Second', minute: 'Minute', hour: 'Hour', day: 'Day' };

const limit = z.number().int().min(1).optional();
const unsupported = (what: string) => ({ error: `${what} is not supported by the embedded gateway` });

const configSchema = z
  .strictObject({
    second: limit,
    minute: limit,
    hour: limit,
    day: limit,
    limit_by: z.enum(['consumer', 'ip', 'service'], unsupported('this limit_by')).default('consumer'),
    // Counters live in this process, which is exactly Kong's "local" policy; DB-less Kong has no cluster store either.
    policy: z.literal('local', unsupported('a policy other than "local"')).default('local'),
    fault_tolerant: z.boolean().default(true),
    hide_client_headers: z.boolean().default(false),
    error_code: z.number().int().min(400).max(599).default(429),
    error_message: z.string().default('API rate limit exceeded'),
  })
  .refine((c) => (Object.keys(PERIODS) as Period[]).some((p) => c[p] !== undefined), {
    message: 'at least one of second, minute, hour or day must be set',
  });

interface Window {
  start: number;
  count: number;
}

function identifierOf(limitBy: 'consumer' | 'ip' | 'service', exchange: ProxyExchange): string {
  // Kong falls back to the client address when there is no consumer (unauthenticated route).
  if (limitBy === 'consumer' && exchange.consumer) return `consumer:${exchange.consumer.username}`;
  if (limitBy === 'service') return `service:${exchange.serviceName}`;
  return `ip:${exchange.clientIp}`;
}

/** Kong's rate-limiting with the local policy: fixed windows aligned to the clock, counted per declaration. */
export const rateLimiting = definePlugin({
  name: 'rate-limiting',
  priority: 910,
  configSchema,
  create(config, { now }) {
    const periods = (Object.keys(PERIODS) as Period[]).filter((p) => config[p] !== undefined);
    const windows = new Map<string, Window>();

    const windowFor = (key: string, start: number): Window => {
      let window = windows.get(key);
      if (!window || window.start !== start) {
        window = { start, count: 0 };
        windows.set(key, window);
      }
      return window;
    };

    const forgetOldWindows = (at: number): void => {
      for (const [key, window] of windows) if (at - window.start > PERIODS.day) windows.delete(key);
    };

    return {
      name: 'rate-limiting',
      access(exchange) {
        const at = now();
        if (windows.size > 50_000) forgetOldWindows(at);
        const identifier = identifierOf(config.limit_by, exchange);
        const usage = periods.map((period) => {
          const size = PERIODS[period];
          const start = Math.floor(at / size) * size;
          const window = windowFor(`${identifier}|${period}`, start);
          const max = config[period] as number;
          return {
            period,
            window,
            max,
            remaining: max - window.count,
            reset: Math.max(1, Math.ceil((start + size - at) / 1000)),
          };
        });
        const exceeded = usage.some((u) => u.remaining <= 0);

        const headers: Record<string, string> = {};
        let shown: { max: number; remaining: number; reset: number } | undefined;
        for (const u of usage) {
          const remaining = Math.max(0, exceeded ? u.remaining : u.remaining - 1);
          if (!shown || remaining < shown.remaining || (remaining === shown.remaining && u.max > shown.max)) {
            shown = { max: u.max, remaining, reset: u.reset };
          }
          headers[`X-RateLimit-Limit-${HEADER_PERIOD[u.period]}`] = String(u.max);
          headers[`X-RateLimit-Remaining-${HEADER_PERIOD[u.period]}`] = String(remaining);
        }
        if (shown) {
          headers['RateLimit-Limit'] = String(shown.max);
          headers['RateLimit-Remaining'] = String(shown.remaining);
          headers['RateLimit-Reset'] = String(shown.reset);
        }

        if (exceeded) {
          const retryAfter = String(Math.max(...usage.filter((u) => u.remaining <= 0).map((u) => u.reset)));
          const shownHeaders = config.hide_client_headers ? {} : headers;
          return {
            status: config.error_code,
            body: { message: config.error_message },
            headers: { ...shownHeaders, 'Retry-After': retryAfter },
          };
        }
        for (const u of usage) u.window.count += 1;
        if (!config.hide_client_headers) Object.assign(exchange.responseHeaders, headers);
        return undefined;
      },
    };
  },
});
