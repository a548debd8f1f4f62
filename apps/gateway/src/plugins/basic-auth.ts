import { z } from 'zod';
import { announceConsumer, UNAUTHORIZED } from './consumer-headers';
import { definePlugin } from './types';

const configSchema = z.strictObject({
  hide_credentials: z.boolean().default(false),
  realm: z.string().default('service'),
  // Kong lets a failed login fall through as an "anonymous" consumer; we have no acl plugin to stop it after.
  anonymous: z.null({ error: 'anonymous consumers are not supported by the embedded gateway' }).optional(),
});

function parseBasic(header: string | undefined): { username: string; password: string } | undefined {
  const match = header?.match(/^\s*basic\s+(\S+)\s*$/i);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Kong's basic-auth: `Authorization: Basic ...` (or Proxy-Authorization) checked against consumers' credentials. */
export const basicAuth = definePlugin({
  name: 'basic-auth',
  priority: 1100,
  configSchema,
  create(config, { consumers }) {
    const challenge = { 'WWW-Authenticate': `Basic realm="${config.realm}"` };
    return {
      name: 'basic-auth',
      access(exchange) {
        const { authorization, 'proxy-authorization': proxyAuthorization } = exchange.req.headers;
        const given = parseBasic(proxyAuthorization) ?? parseBasic(authorization);
        const consumer = given && consumers.byBasicCredentials(given.username, given.password);
        if (!consumer) return { status: 401, body: UNAUTHORIZED, headers: challenge };
        exchange.consumer = consumer;
        announceConsumer(exchange);
        if (config.hide_credentials) {
          delete exchange.upstreamHeaders.authorization;
          delete exchange.upstreamHeaders['proxy-authorization'];
        }
        return undefined;
      },
    };
  },
});
