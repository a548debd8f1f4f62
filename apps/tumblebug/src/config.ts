import { envDatabaseUrl } from '@cb/db';
import { envBoolean, envPort, parseEnv } from '@cb/runtime';
import { parseSecretKey } from '@cb/secrets';
import { z } from 'zod';

/** What `/httpVersion` and the OpenAPI document report. */
export const TUMBLEBUG_VERSION = 'CB-Tumblebug v0.12.5-ts.0.1.0';

const positive = (fallback: number) =>
  z.coerce.number({ error: 'must be a positive number' }).positive('must be a positive number').default(fallback);
const positiveInt = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a positive integer' })
    .int('must be a positive integer')
    .positive('must be a positive integer')
    .default(fallback);

/**
 * MCIS tuning. Defaults at or below the clouds' documented limits and upstream's RateLimitConfig (20 VMs
 * per region, 30 regions per CSP; AWS RunInstances allows about 2 calls/s sustained per account and region).
 */
const mcisSchema = {
  TB_MCIS_MAX_REGIONS_PER_PROVIDER: positiveInt(30),
  TB_MCIS_MAX_CONCURRENT_PER_REGION: positiveInt(20),
  TB_MCIS_CALLS_PER_SECOND_PER_PROVIDER: positive(10),
  TB_MCIS_WORK_TICK_MS: positiveInt(250),
  TB_MCIS_WORK_BATCH: positiveInt(200),
  TB_MCIS_MAX_ATTEMPTS: positiveInt(6),
  TB_MCIS_BACKOFF_BASE_MS: positiveInt(500),
  TB_MCIS_BACKOFF_MAX_MS: positiveInt(30_000),
  TB_MCIS_STATUS_TICK_MS: positiveInt(1000),
  TB_MCIS_SETTLED_POLL_MS: positiveInt(60_000),
  TB_MCIS_CREATE_TIMEOUT_MS: positiveInt(20 * 60_000),
  TB_MCIS_STATUS_CONCURRENCY: positiveInt(8),
  TB_MCIS_WAIT_TIMEOUT_MS: positiveInt(120_000),
};

/** The TB_MCIS_* variables, validated (mcis-options.ts shapes them for the MCIS engine). */
export type McisTuning = { [K in keyof typeof mcisSchema]: number };

const schema = z.object({
  TB_PORT: envPort(1323),
  TB_GRPC_PORT: envPort(50252),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: envDatabaseUrl('tumblebug'),
  // Upstream's defaults (conf/setup.env): Basic auth on, default/default.
  TB_AUTH_ENABLED: envBoolean(true),
  TB_API_USERNAME: z.string().min(1).default('default'),
  TB_API_PASSWORD: z.string().min(1).default('default'),
  SPIDER_GRPC_ADDRESS: z.string().default('127.0.0.1:2048'),
  /** Shared token for spider's gRPC, when spider asks for one (default: CB_SERVICE_TOKEN). */
  SPIDER_GRPC_TOKEN: z.string().optional(),
  CB_SECRET_KEY: z
    .string({ error: 'is required: a 32-byte key in base64 (openssl rand -base64 32)' })
    .transform((key, ctx) => {
      try {
        return parseSecretKey(key);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  /** Largest JSON request body (express/body-parser size syntax). */
  TB_BODY_LIMIT: z.string().default('4mb'),
  /** The services' shared gRPC token; when set, every TumblebugService call must send it. Empty: no token. */
  CB_SERVICE_TOKEN: z
    .string()
    .optional()
    .transform((token) => (token?.trim() ? token : undefined)),
  ...mcisSchema,
});

export interface TumblebugConfig {
  port: number;
  grpcPort: number;
  host: string;
  databaseUrl: string;
  /** HTTP Basic credentials, or false when TB_AUTH_ENABLED=false. */
  auth: { username: string; password: string } | false;
  spiderGrpcAddress: string;
  spiderGrpcToken?: string;
  secretKey: Buffer;
  bodyLimit: string;
  /** Shared token every gRPC call must carry (`authorization: Bearer <token>`), when set. */
  serviceToken?: string;
  mcis: McisTuning;
}

/** Reads tumblebug's environment; a ConfigError names every bad variable, never a value. */
export function loadTumblebugConfig(env: NodeJS.ProcessEnv = process.env): TumblebugConfig {
  const parsed = parseEnv(schema, env);
  return {
    port: parsed.TB_PORT,
    grpcPort: parsed.TB_GRPC_PORT,
    host: parsed.HOST,
    databaseUrl: parsed.DATABASE_URL,
    auth: parsed.TB_AUTH_ENABLED ? { username: parsed.TB_API_USERNAME, password: parsed.TB_API_PASSWORD } : false,
    spiderGrpcAddress: parsed.SPIDER_GRPC_ADDRESS,
    // One shared token for every service (spider requires it of its callers when CB_SERVICE_TOKEN is set).
    spiderGrpcToken: parsed.SPIDER_GRPC_TOKEN ?? parsed.CB_SERVICE_TOKEN,
    secretKey: parsed.CB_SECRET_KEY,
    bodyLimit: parsed.TB_BODY_LIMIT,
    serviceToken: parsed.CB_SERVICE_TOKEN,
    mcis: Object.fromEntries(
      Object.keys(mcisSchema).map((name) => [name, parsed[name as keyof McisTuning]]),
    ) as McisTuning,
  };
}
