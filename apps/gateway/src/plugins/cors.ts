import { z } from 'zod';
import { definePlugin } from './types';

const DEFAULT_METHODS = ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT'];

const configSchema = z.strictObject({
  origins: z.array(z.string().min(1)).optional(),
  methods: z.array(z.string().regex(/^[A-Z]+$/, 'methods are upper-case HTTP methods')).default(DEFAULT_METHODS),
  headers: z.array(z.string().min(1)).optional(),
  exposed_headers: z.array(z.string().min(1)).optional(),
  credentials: z.boolean().default(false),
  max_age: z.number().int().min(0).optional(),
  preflight_continue: z.boolean().default(false),
  private_network: z.boolean().default(false),
});

type CorsConfig = z.infer<typeof configSchema>;

/** Kong treats an origin entry as a regular expression when it is not a literal match; anchor it the same way. */
function originMatcher(entry: string): (origin: string) => boolean {
  let pattern: RegExp | undefined;
  try {
    pattern = new RegExp(`^(?:${entry})$`);
  } catch {
    pattern = undefined;
  }
  return (origin) => origin === entry || (pattern?.test(origin) ?? false);
}

function allowedOrigin(config: CorsConfig, origin: string | undefined): { value?: string; vary: boolean } {
  const origins = config.origins ?? [];
  if (origins.length === 0 || (origins.length === 1 && origins[0] === '*')) {
    // A wildcard cannot carry credentials in browsers, so Kong echoes the caller's origin instead.
    if (config.credentials && origin) return { value: origin, vary: true };
    return { value: '*', vary: false };
  }
  const matchers = origins.map(originMatcher);
  if (origin && matchers.some((matches) => matches(origin))) return { value: origin, vary: true };
  return { vary: true };
}

/** Kong's cors: answers preflights itself and adds the Access-Control-* headers to every response. */
export const cors = definePlugin({
  name: 'cors',
  priority: 2000,
  configSchema,
  create(config) {
    return {
      name: 'cors',
      access(exchange) {
        const headers = exchange.req.headers;
        const origin = headers.origin;
        const allowed = allowedOrigin(config, origin);
        const out: Record<string, string> = {};
        if (allowed.value) out['Access-Control-Allow-Origin'] = allowed.value;
        if (allowed.vary) out['Vary'] = 'Origin';
        if (config.credentials) out['Access-Control-Allow-Credentials'] = 'true';

        const isPreflight = exchange.method === 'OPTIONS' && headers['access-control-request-method'] !== undefined;
        if (isPreflight && !config.preflight_continue) {
          const requested = headers['access-control-request-headers'];
          const allowHeaders = config.headers?.join(',') ?? requested;
          if (allowHeaders) out['Access-Control-Allow-Headers'] = allowHeaders;
          out['Access-Control-Allow-Methods'] = config.methods.join(',');
          if (config.max_age !== undefined) out['Access-Control-Max-Age'] = String(config.max_age);
          if (config.private_network && headers['access-control-request-private-network'] === 'true') {
            out['Access-Control-Allow-Private-Network'] = 'true';
          }
          return { status: 200, headers: out };
        }
        if (config.exposed_headers?.length) out['Access-Control-Expose-Headers'] = config.exposed_headers.join(',');
        Object.assign(exchange.responseHeaders, out);
        return undefined;
      },
    };
  },
});
