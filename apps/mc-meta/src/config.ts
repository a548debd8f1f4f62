import { envDatabaseUrl } from '@cb/db';
import { envPort, parseEnv } from '@cb/runtime';
import { z } from 'zod';

export const MCMETA_VERSION = 'CB-MC-Meta ts-0.1.0';

/** Keyword matches a first page counts (MCMETA_COUNT_CAP). */
export const DEFAULT_COUNT_CAP = 200;

/** Index entries an image keyword search walks per match it wants before it reads the GIN index (MCMETA_KEYWORD_WALK). */
export const DEFAULT_KEYWORD_WALK = 32;

const schema = z.object({
  MCMETA_PORT: envPort(1500),
  MCMETA_GRPC_PORT: envPort(50500),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: envDatabaseUrl('mcmeta'),
  MCMETA_USERNAME: z.string({ error: 'is required (HTTP Basic user of the REST API)' }).min(1),
  MCMETA_PASSWORD: z.string({ error: 'is required (HTTP Basic password of the REST API)' }).min(1),
  SPIDER_GRPC_ADDRESS: z.string().default('127.0.0.1:2048'),
  /** Shared token for spider's gRPC, when spider asks for one. */
  SPIDER_GRPC_TOKEN: z.string().optional(),
  /** Minutes between scheduled syncs of every connection; 0 turns the schedule off. */
  MCMETA_SYNC_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(10_080).default(360),
  /** Sync tasks (connection × kind) in flight at once. */
  MCMETA_SYNC_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  /**
   * Search statements in flight at once; more wait their turn. Searches are CPU-bound on the database: past its
   * cores, more at once only stretch every answer (measured at 8 clients on 2 cores: p99 50 → 36-40 ms at 3-4).
   */
  MCMETA_SEARCH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /**
   * Matches counted exactly before a search's total is estimated (image keyword searches, about 1/√cap relative
   * error) or reported as "at least" (specs, prices, regions). A first page walks about this many matches.
   */
  MCMETA_COUNT_CAP: z.coerce.number().int().min(100).max(1_000_000).default(DEFAULT_COUNT_CAP),
  /**
   * How far an image keyword search walks the filters' images in list order, in entries per match it wants, before
   * it reads the keyword's matches through the GIN index: a keyword denser than 1 in this many is found fastest
   * along the walk, a rarer one through the index.
   */
  MCMETA_KEYWORD_WALK: z.coerce.number().int().min(2).max(1024).default(DEFAULT_KEYWORD_WALK),
  /** Sync a connection as soon as spider announces it. */
  MCMETA_SYNC_ON_CONNECTION_EVENT: z.enum(['true', 'false']).default('true'),
});

export interface McMetaConfig {
  port: number;
  grpcPort: number;
  host: string;
  databaseUrl: string;
  username: string;
  password: string;
  spiderGrpcAddress: string;
  spiderGrpcToken?: string;
  syncIntervalMinutes: number;
  syncConcurrency: number;
  searchConcurrency: number;
  countCap: number;
  keywordWalk: number;
  syncOnConnectionEvent: boolean;
}

/** Reads mc-meta's environment; a ConfigError names every bad variable, never a value. */
export function loadMcMetaConfig(env: NodeJS.ProcessEnv = process.env): McMetaConfig {
  const parsed = parseEnv(schema, env);
  return {
    port: parsed.MCMETA_PORT,
    grpcPort: parsed.MCMETA_GRPC_PORT,
    host: parsed.HOST,
    databaseUrl: parsed.DATABASE_URL,
    username: parsed.MCMETA_USERNAME,
    password: parsed.MCMETA_PASSWORD,
    spiderGrpcAddress: parsed.SPIDER_GRPC_ADDRESS,
    spiderGrpcToken: parsed.SPIDER_GRPC_TOKEN,
    syncIntervalMinutes: parsed.MCMETA_SYNC_INTERVAL_MINUTES,
    syncConcurrency: parsed.MCMETA_SYNC_CONCURRENCY,
    searchConcurrency: parsed.MCMETA_SEARCH_CONCURRENCY,
    countCap: parsed.MCMETA_COUNT_CAP,
    keywordWalk: parsed.MCMETA_KEYWORD_WALK,
    syncOnConnectionEvent: parsed.MCMETA_SYNC_ON_CONNECTION_EVENT === 'true',
  };
}
