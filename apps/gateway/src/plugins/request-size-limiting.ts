import { z } from 'zod';
import { definePlugin } from './types';

const UNIT_BYTES = { bytes: 1, kilobytes: 1024, megabytes: 1024 * 1024 } as const;

const configSchema = z.strictObject({
  allowed_payload_size: z.number().int().min(0).default(128),
  size_unit: z.enum(['bytes', 'kilobytes', 'megabytes']).default('megabytes'),
  require_content_length: z.boolean().default(false),
});

export const REQUEST_TOO_LARGE = { message: 'Request size limit exceeded' } as const;

/**
 * Kong's request-size-limiting. A declared Content-Length is checked at once; a chunked body is counted
 * while it streams (the proxy stops it at the limit), since the gateway never buffers bodies.
 */
export const requestSizeLimiting = definePlugin({
  name: 'request-size-limiting',
  priority: 951,
  configSchema,
  create(config) {
    const allowed = config.allowed_payload_size * UNIT_BYTES[config.size_unit];
    return {
      name: 'request-size-limiting',
      access(exchange) {
        const declared = exchange.req.headers['content-length'];
        if (declared === undefined) {
          const hasBody = exchange.req.headers['transfer-encoding'] !== undefined;
          if (config.require_content_length && hasBody) {
            return { status: 411, body: { message: 'A valid Content-Length header is required' } };
          }
          exchange.maxRequestBytes = allowed;
          return undefined;
        }
        if (Number(declared) > allowed) return { status: 413, body: REQUEST_TOO_LARGE };
        return undefined;
      },
    };
  },
});
