import { z } from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'must be YYYY-MM or YYYY-MM-DD');

/** GET /mcmeta/stats parameters: which counts, grouped how, per day or month, optionally narrowed. */
export const statsQuerySchema = z
  .object({
    kind: z.enum(['images', 'specs', 'prices', 'regions']).default('images'),
    groupBy: z.enum(['provider', 'region', 'os']).default('provider'),
    interval: z.enum(['day', 'month']).default('day'),
    provider: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .transform((p) => p.toLowerCase())
      .optional(),
    region: z.string().trim().min(1).max(128).optional(),
    os: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .transform((o) => o.toLowerCase())
      .optional(),
    from: day.transform((d) => (d.length === 7 ? `${d}-01` : d)).optional(),
    to: day.optional(),
  })
  .strict();

export type StatsQuery = z.output<typeof statsQuerySchema>;

export interface StatsPoint {
  /** YYYY-MM-DD or YYYY-MM */
  period: string;
  count: number;
  /** Change from the previous period with data; null for the first. */
  growth: number | null;
  /** growth / previous count, 4 decimals; null for the first or after a zero. */
  growthRate: number | null;
}

export interface StatsSeries {
  /** The group's value (a provider, a region or an OS family). */
  key: string;
  points: StatsPoint[];
}
