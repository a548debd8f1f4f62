import { z } from 'zod';

/** A configuration the process cannot start with; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates the environment against a zod object schema whose keys are variable names, reporting
 * every problem at once (never the value itself: it may be a secret).
 */
export function parseEnv<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`),
  );
}

/** Common variable shapes. */
export const envPort = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
export const envBoolean = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'on', 'off', 'ON', 'OFF', 'TRUE', 'FALSE'])
    .default(fallback ? 'true' : 'false')
    .transform((value) => ['true', '1', 'on'].includes(value.toLowerCase()));
