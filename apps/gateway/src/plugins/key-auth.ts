import { z } from 'zod';
import { announceConsumer, UNAUTHORIZED } from './consumer-headers';
import { definePlugin } from './types';

const configSchema = z.strictObject({
  key_names: z.array(z.string().min(1)).min(1).default(['apikey']),
  hide_credentials: z.boolean().default(false),
  key_in_header: z.boolean().default(true),
  key_in_query: z.boolean().default(true),
  // Reading the key from the body would mean buffering it; the embedded gateway always streams bodies.
  key_in_body: z.literal(false, { error: 'key_in_body is not supported by the embedded gateway' }).default(false),
  run_on_preflight: z.boolean().default(true),
  realm: z.string().optional(),
  anonymous: z.null({ error: 'anonymous consumers are not supported by the embedded gateway' }).optional(),
});

/** Kong's key-auth: an API key from a header or the query string, checked against consumers' keys. */
export const keyAuth = definePlugin({
  name: 'key-auth',
  priority: 1250,
  configSchema,
  create(config, { consumers }) {
    const challenge = { 'WWW-Authenticate': `Key realm="${config.realm ?? 'kong'}"` };
    return {
      name: 'key-auth',
      access(exchange) {
        if (!config.run_on_preflight && exchange.method === 'OPTIONS') return undefined;
        let found: { name: string; key: string; in: 'header' | 'query' } | undefined;
        for (const name of config.key_names) {
          const header = config.key_in_header ? exchange.req.headers[name.toLowerCase()] : undefined;
          if (typeof header === 'string' && header) found = { name, key: header, in: 'header' };
          const query = config.key_in_query ? exchange.upstreamQuery.get(name) : null;
          if (!found && query) found = { name, key: query, in: 'query' };
          if (found) break;
        }
        if (!found) return { status: 401, body: { message: 'No API key found in request' }, headers: challenge };
        const consumer = consumers.byKey(found.key);
        if (!consumer) return { status: 401, body: UNAUTHORIZED, headers: challenge };
        exchange.consumer = consumer;
        announceConsumer(exchange);
        if (config.hide_credentials) {
          if (found.in === 'header') delete exchange.upstreamHeaders[found.name.toLowerCase()];
          else exchange.upstreamQuery.delete(found.name);
        }
        return undefined;
      },
    };
  },
});
