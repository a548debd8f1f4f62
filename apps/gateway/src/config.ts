import { resolve } from 'node:path';
import { z } from 'zod';

/** The repository's deploy/kong/kong.yml, found from this file so it works from any working directory. */
export const DEFAULT_KONG_CONFIG = resolve(__dirname, '../../../deploy/kong/kong.yml');

/** `spider=http://127.0.0.1:1024,hub=http://127.0.0.1:1600` → `{ spider: ..., hub: ... }`. */
const upstreamList = z
  .string()
  .transform((text, ctx) => {
    const entries = text
      .split(',')
      .map((pair) => pair.trim())
      .filter(Boolean)
      .map((pair) => pair.split('=').map((s) => s.trim()));
    const bad = entries.find(([name, url]) => !name || !url || !/^https?:\/\/[^/]+/.test(url));
    if (bad) {
      ctx.addIssue({ code: 'custom', message: `expected service=http://host:port pairs, got "${bad.join('=')}"` });
      return z.NEVER;
    }
    return Object.fromEntries(entries) as Record<string, string>;
  })
  .optional();

const envSchema = z
  .object({
    GATEWAY_HOST: z.string().min(1).default('0.0.0.0'),
    GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(8000),
    KONG_CONFIG: z.string().min(1).default(DEFAULT_KONG_CONFIG),
    /** Where services run when not at the hosts written in kong.yml (their docker-compose names). */
    GATEWAY_UPSTREAMS: upstreamList,
    /** The kong.yml consumer whose basic-auth credential CB_API_USERNAME / CB_API_PASSWORD replace. */
    GATEWAY_CONSUMER: z.string().min(1).default('default'),
    CB_API_USERNAME: z.string().min(1).optional(),
    CB_API_PASSWORD: z.string().min(1).optional(),
  })
  .refine((env) => Boolean(env.CB_API_USERNAME) === Boolean(env.CB_API_PASSWORD), {
    message: 'set both CB_API_USERNAME and CB_API_PASSWORD, or neither',
    path: ['CB_API_PASSWORD'],
  });

export type GatewayEnv = z.infer<typeof envSchema>;

/** Reads the environment; a bad value throws an error naming the variable. */
export function readGatewayEnv(env: NodeJS.ProcessEnv = process.env): GatewayEnv {
  const parsed = envSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`);
  throw new Error(`invalid gateway environment:\n${lines.join('\n')}`);
}
