import { envDatabaseUrl } from '@cb/db';
import { ConfigError, envPort, parseEnv } from '@cb/runtime';
import { parseSecretKey } from '@cb/secrets';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/** The version `/version` answers, in upstream's "CB-Spider vX" form. */
export const SPIDER_VERSION = 'CB-Spider v0.13.0-ts.0.1.0';

export const DEFAULT_DRIVER_CACHE_DIR = join(tmpdir(), 'cb-spider-drivers');

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const schema = z.object({
  SPIDER_PORT: envPort(1024),
  SPIDER_GRPC_PORT: envPort(2048),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: envDatabaseUrl('spider'),
  SPIDER_USERNAME: z.string().optional(),
  SPIDER_PASSWORD: z.string().optional(),
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
  /** Upper bound of one driver call (a cloud API call); beyond it the call fails TIMEOUT. */
  SPIDER_DRIVER_CALL_TIMEOUT_MS: positiveInt(600_000),
  /** Driver calls in flight per connection config; more wait their turn. */
  SPIDER_MAX_CONCURRENT_CALLS_PER_CONNECTION: positiveInt(16),
  /** Largest JSON request body (express/body-parser size syntax). */
  SPIDER_BODY_LIMIT: z.string().default('1mb'),
  /** hub's gRPC address, where drivers spider does not ship come from; `off`: built-in drivers only. */
  HUB_GRPC_ADDRESS: z.string().trim().default('127.0.0.1:50600'),
  /** Where drivers fetched from hub are cached (verified again before every load). */
  SPIDER_DRIVER_CACHE_DIR: z.string().default(DEFAULT_DRIVER_CACHE_DIR),
  /** A directory of driver modules loaded at start (each under its file name); unset: none. */
  SPIDER_DRIVER_DIR: z
    .string()
    .optional()
    .transform((dir) => (dir?.trim() ? resolve(dir) : undefined)),
  /**
   * PostgreSQL connections spider keeps. The outbox relay holds one for LISTEN for good, so the floor is 2:
   * with 1, every query would wait forever for a connection that never comes back.
   */
  SPIDER_DB_POOL_SIZE: z.coerce
    .number()
    .int()
    .min(2, { error: 'must be at least 2 (the event relay keeps one connection for LISTEN)' })
    .default(10),
  /** Longest a resolved connection is reused without reading the CIM again (writes drop it at once); 0: no cache. */
  SPIDER_CONNECTION_CACHE_TTL_MS: z.coerce.number().int().nonnegative().default(10_000),
  /** The services' shared gRPC token; when set, every SpiderService call must send it. Empty: no token. */
  CB_SERVICE_TOKEN: z
    .string()
    .optional()
    .transform((token) => (token?.trim() ? token : undefined)),
});

export interface SpiderConfig {
  port: number;
  grpcPort: number;
  host: string;
  databaseUrl: string;
  username: string;
  password: string;
  secretKey: Buffer;
  driverCallTimeoutMs: number;
  maxConcurrentCallsPerConnection: number;
  bodyLimit: string;
  /** Undefined when no hub is to be asked. */
  hubGrpcAddress?: string;
  /** Default: DEFAULT_DRIVER_CACHE_DIR. */
  driverCacheDir?: string;
  /** Driver modules loaded at start, besides the built-in mock; undefined: none. */
  driverDir?: string;
  /** PostgreSQL pool size; default 10, at least 2. */
  dbPoolSize?: number;
  /** Default 10 s; 0 turns the connection cache off. */
  connectionCacheTtlMs?: number;
  /** When set, gRPC callers must send `authorization: Bearer <token>` (health and reflection stay open). */
  serviceToken?: string;
}

/** Reads spider's environment; a ConfigError names every bad variable, never a value. */
export function loadSpiderConfig(env: NodeJS.ProcessEnv = process.env): SpiderConfig {
  // Upstream refuses to start without both (mandatory Basic auth since v0.12.6).
  const authProblem =
    env.SPIDER_USERNAME && env.SPIDER_PASSWORD
      ? []
      : ['SPIDER_USERNAME, SPIDER_PASSWORD: SPIDER_USERNAME and SPIDER_PASSWORD must both be set'];
  let parsed: z.infer<typeof schema>;
  try {
    parsed = parseEnv(schema, env);
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError([...error.problems, ...authProblem]);
    throw error;
  }
  if (authProblem.length) throw new ConfigError(authProblem);
  return {
    port: parsed.SPIDER_PORT,
    grpcPort: parsed.SPIDER_GRPC_PORT,
    host: parsed.HOST,
    databaseUrl: parsed.DATABASE_URL,
    username: parsed.SPIDER_USERNAME!,
    password: parsed.SPIDER_PASSWORD!,
    secretKey: parsed.CB_SECRET_KEY,
    driverCallTimeoutMs: parsed.SPIDER_DRIVER_CALL_TIMEOUT_MS,
    maxConcurrentCallsPerConnection: parsed.SPIDER_MAX_CONCURRENT_CALLS_PER_CONNECTION,
    bodyLimit: parsed.SPIDER_BODY_LIMIT,
    hubGrpcAddress: parsed.HUB_GRPC_ADDRESS === 'off' ? undefined : parsed.HUB_GRPC_ADDRESS,
    driverCacheDir: resolve(parsed.SPIDER_DRIVER_CACHE_DIR),
    driverDir: parsed.SPIDER_DRIVER_DIR,
    dbPoolSize: parsed.SPIDER_DB_POOL_SIZE,
    connectionCacheTtlMs: parsed.SPIDER_CONNECTION_CACHE_TTL_MS,
    serviceToken: parsed.CB_SERVICE_TOKEN,
  };
}
