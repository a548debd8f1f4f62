import { basicAuth } from './basic-auth';
import { correlationId } from './correlation-id';
import { cors } from './cors';
import { keyAuth } from './key-auth';
import { rateLimiting } from './rate-limiting';
import { requestSizeLimiting } from './request-size-limiting';
import type { PluginDefinition } from './types';

/** Every Kong plugin the embedded gateway can serve; any other name in kong.yml stops the start. */
export const SUPPORTED_PLUGINS: ReadonlyMap<string, PluginDefinition<unknown>> = new Map(
  [basicAuth, keyAuth, cors, correlationId, rateLimiting, requestSizeLimiting].map(
    (plugin) => [plugin.name, plugin as PluginDefinition<unknown>] as const,
  ),
);
