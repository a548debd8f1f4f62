import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import type { z } from 'zod';
import type { ConsumerDirectory } from './consumer-directory';

/** Who a request was authenticated as (Kong's "consumer" and the credential that proved it). */
export interface AuthenticatedConsumer {
  username: string;
  id?: string;
  /** Kong's X-Credential-Identifier: the basic-auth username or the key credential's id. */
  credential?: string;
}

/**
 * One request on its way through the plugins: what they read (the request, the matched route) and what
 * they change (the headers and query sent upstream, the headers added to the response, the size limit).
 */
export interface ProxyExchange {
  readonly req: IncomingMessage;
  readonly method: string;
  readonly routeName: string;
  readonly serviceName: string;
  readonly clientIp: string;
  consumer?: AuthenticatedConsumer;
  /** Header names are lower case. */
  readonly upstreamHeaders: OutgoingHttpHeaders;
  readonly upstreamQuery: URLSearchParams;
  /** Added to whatever goes back to the client, including a plugin's own early answer. */
  readonly responseHeaders: Record<string, string>;
  maxRequestBytes?: number;
}

/** A plugin answering the request itself (401, 429, a CORS preflight, ...) instead of proxying it. */
export interface EarlyResponse {
  status: number;
  body?: { message: string };
  headers?: Record<string, string>;
}

export interface GatewayPlugin {
  readonly name: string;
  access(exchange: ProxyExchange): EarlyResponse | undefined;
}

/** Where a plugin entry was declared; Kong keeps counters (rate limits) per declaration. */
export interface PluginScope {
  level: 'global' | 'service' | 'route';
  /** Unique per declaration, e.g. `service:spider` or `route:spider-api`. */
  key: string;
}

/** What a plugin instance may use besides its own config. */
export interface PluginContext {
  scope: PluginScope;
  consumers: ConsumerDirectory;
  /** Milliseconds since the epoch; injected so that windows (rate limits) are deterministic in tests. */
  now: () => number;
}

export interface PluginDefinition<Config = unknown> {
  name: string;
  /** Kong's plugin priority: higher runs first in the access phase. */
  priority: number;
  configSchema: z.ZodType<Config>;
  create(config: Config, context: PluginContext): GatewayPlugin;
}

export function definePlugin<Config>(definition: PluginDefinition<Config>): PluginDefinition<Config> {
  return definition;
}
