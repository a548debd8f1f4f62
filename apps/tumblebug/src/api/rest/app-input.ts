import { z } from 'zod';

/**
 * Upstream decodes JSON with Go's encoding/json, which matches keys case-insensitively: clients send
 * `ipv4_CIDR`, `IPv4_CIDR` or `ipv4_cidr`, `direction` or `Direction`. This renames the keys of an
 * object schema's input to the schema's spelling before validation (nested objects included).
 */
export function caseInsensitive<S extends z.ZodObject>(schema: S) {
  const canonical = new Map(Object.keys(schema.shape).map((key) => [key.toLowerCase(), key]));
  return z.preprocess((input) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(input)) {
      const name = canonical.get(key.toLowerCase()) ?? key;
      if (!(name in out) || name === key) out[name] = value;
    }
    return out;
  }, schema);
}

/** `?option=id` and friends. */
export const ListQuery = z.object({
  option: z.string().optional(),
  filterKey: z.string().optional(),
  filterVal: z.string().optional(),
});
