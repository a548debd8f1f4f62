import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { definePlugin, type ProxyExchange } from './types';

const configSchema = z.strictObject({
  header_name: z.string().min(1).default('Kong-Request-ID'),
  generator: z.enum(['uuid', 'uuid#counter', 'tracker']).default('uuid#counter'),
  echo_downstream: z.boolean().default(false),
});

/** Kong's `uuid#counter`: one uuid per worker and a counter after it; cheaper than a uuid per request. */
function counterGenerator(): () => string {
  const base = randomUUID();
  let counter = 0;
  return () => `${base}#${++counter}`;
}

/** Kong's correlation-id: keeps the caller's id, or makes one, and hands it to the upstream (and back). */
export const correlationId = definePlugin({
  name: 'correlation-id',
  priority: 100001,
  configSchema,
  create(config) {
    const headerKey = config.header_name.toLowerCase();
    const nextCounterId = counterGenerator();
    const generate = (exchange: ProxyExchange): string => {
      if (config.generator === 'uuid') return randomUUID();
      if (config.generator === 'uuid#counter') return nextCounterId();
      // Kong's tracker: server address, port, process, connection and its request count, time.
      const socket = exchange.req.socket;
      return [socket.localAddress, socket.localPort, process.pid, socket.remotePort, Date.now() / 1000].join('-');
    };
    return {
      name: 'correlation-id',
      access(exchange) {
        const given = exchange.req.headers[headerKey];
        const id = typeof given === 'string' && given ? given : generate(exchange);
        exchange.upstreamHeaders[headerKey] = id;
        if (config.echo_downstream) exchange.responseHeaders[config.header_name] = id;
        return undefined;
      },
    };
  },
});
