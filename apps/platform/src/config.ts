import { resolve } from 'node:path';
import { parseDatabaseUrl } from '@cb/db';
import { ConfigError, envPort, parseEnv } from '@cb/runtime';
import { z } from 'zod';

const repoRoot = resolve(__dirname, '../../..');

/** The platform's own settings; each service validates its own variables on top of these. */
const PlatformEnv = z.object({
  DATABASE_URL: z.string().optional(),
  NATS_URL: z.string().optional(),
  CB_DATA_DIR: z.string().default(resolve(repoRoot, '.data')),
  CB_API_USERNAME: z.string().min(1).default('default'),
  CB_API_PASSWORD: z.string().min(1).default('default'),
  CB_LISTEN_HOST: z.string().default('127.0.0.1'),
  KONG_CONFIG: z.string().default(resolve(repoRoot, 'deploy/kong/kong.yml')),
  GATEWAY_PORT: envPort(8000),
  EMBEDDED_POSTGRES_PORT: envPort(0),
  SPIDER_PORT: envPort(1024),
  SPIDER_GRPC_PORT: envPort(2048),
  TB_PORT: envPort(1323),
  TB_GRPC_PORT: envPort(50252),
  MCMETA_PORT: envPort(1500),
  MCMETA_GRPC_PORT: envPort(50500),
  HUB_PORT: envPort(1600),
  HUB_GRPC_PORT: envPort(50600),
  WATERSTRIDER_PORT: envPort(1234),
});

export type PlatformConfig = z.infer<typeof PlatformEnv>;

export function loadPlatformConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const config = parseEnv(PlatformEnv, env);
  if (config.DATABASE_URL) {
    try {
      parseDatabaseUrl(config.DATABASE_URL);
    } catch (error) {
      throw new ConfigError([(error as Error).message]);
    }
  }
  return config;
}
