import { InvalidArgumentError } from '@cb/errors';
import { z } from 'zod';

export const MAX_LIMIT = 1000;
export const MAX_QUERY_LENGTH = 200;

const text = (max = 128) => z.string().trim().min(1).max(max);
const limit = z.coerce.number().int().min(1).max(MAX_LIMIT).default(50);
const cursor = z.string().min(1).max(1024).optional();
const number = z.coerce.number().finite().min(0);
/** `facets=provider,region`: the facet names a kind can count. */
const facets = <T extends string>(names: readonly [T, ...T[]]) =>
  z
    .string()
    .max(200)
    .transform((raw) =>
      raw
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(names)).max(names.length))
    .optional();

const lower = (max: number) =>
  text(max)
    .transform((value) => value.toLowerCase())
    .optional();

const common = {
  q: z.string().trim().max(MAX_QUERY_LENGTH).optional(),
  provider: text(64)
    .transform((p) => p.toLowerCase())
    .optional(),
  region: text().optional(),
  connection: text().optional(),
  limit,
  cursor,
};

export const imageQuerySchema = z
  .object({
    ...common,
    os: text()
      .transform((os) => os.toLowerCase())
      .optional(),
    arch: lower(32),
    platform: lower(32),
    status: lower(32),
    facets: facets(['provider', 'region', 'os', 'arch', 'platform', 'status']),
  })
  .strict();

export const specQuerySchema = z
  .object({
    ...common,
    vcpuMin: number.optional(),
    vcpuMax: number.optional(),
    memMin: number.optional(),
    memMax: number.optional(),
    gpu: z
      .enum(['true', 'false'])
      .transform((g) => g === 'true')
      .optional(),
    gpuModel: text(64).optional(),
    priceMax: number.optional(),
    sort: z.enum(['name', 'price', 'vcpu', 'mem']).default('name'),
    facets: facets(['provider', 'region']),
  })
  .strict()
  .superRefine((query, ctx) => {
    for (const [min, max] of [
      ['vcpuMin', 'vcpuMax'],
      ['memMin', 'memMax'],
    ] as const) {
      if (query[min] !== undefined && query[max] !== undefined && query[min] > query[max]) {
        ctx.addIssue({ code: 'custom', path: [min], message: `must not be greater than ${max}` });
      }
    }
  });

export const priceQuerySchema = z
  .object({
    ...common,
    spec: text().optional(),
    productFamily: text().optional(),
    currency: text(8).optional(),
    priceMin: number.optional(),
    priceMax: number.optional(),
    facets: facets(['provider', 'region']),
  })
  .strict()
  .superRefine((query, ctx) => {
    if (query.priceMin !== undefined && query.priceMax !== undefined && query.priceMin > query.priceMax) {
      ctx.addIssue({ code: 'custom', path: ['priceMin'], message: 'must not be greater than priceMax' });
    }
  });

export const regionQuerySchema = z.object({ q: common.q, provider: common.provider, limit, cursor }).strict();

export type ImageQuery = z.output<typeof imageQuerySchema>;
export type SpecQuery = z.output<typeof specQuerySchema>;
export type PriceQuery = z.output<typeof priceQuerySchema>;
export type RegionQuery = z.output<typeof regionQuerySchema>;

/**
 * Validates a search's parameters (REST query string or gRPC request alike): the typed query, or a 400 naming
 * the parameter — an unknown filter, a range upside down, a limit past MAX_LIMIT, a q longer than we search.
 */
export function parseQuery<S extends z.ZodType>(schema: S, input: Record<string, unknown>): z.output<S> {
  const cleaned = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== ''));
  for (const [key, value] of Object.entries(cleaned)) {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new InvalidArgumentError(`${key}: must be given once, as a plain value`, { field: key });
    }
  }
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.code === 'unrecognized_keys' ? issue.keys[0] : String(issue.path[0] ?? 'query');
  const message =
    issue.code === 'unrecognized_keys' ? 'is not a known parameter' : issue.message.replace(/^Invalid input: /, '');
  throw new InvalidArgumentError(`${field}: ${message}`, { field });
}
