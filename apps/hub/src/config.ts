import { envDatabaseUrl } from '@cb/db';
import { envPort, parseEnv } from '@cb/runtime';
import { resolve } from 'node:path';
import { z } from 'zod';

export const HUB_VERSION = 'CB-Hub ts-0.1.0';

const schema = z.object({
  HUB_PORT: envPort(1600),
  HUB_GRPC_PORT: envPort(50600),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: envDatabaseUrl('hub'),
  HUB_USERNAME: z.string({ error: 'is required: the publisher allowed to publish and delete drivers' }).min(1),
  HUB_PASSWORD: z.string({ error: 'is required: the publisher password' }).min(1),
  /** Where artifacts are kept (filesystem blob store). */
  HUB_STORAGE_DIR: z.string().default('.data/hub'),
  /** Largest artifact accepted; an upload beyond it is cut off with 413. Default 64 MiB. */
  HUB_MAX_ARTIFACT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(64 * 1024 * 1024),
});

export interface HubConfig {
  port: number;
  grpcPort: number;
  host: string;
  databaseUrl: string;
  username: string;
  password: string;
  storageDir: string;
  maxArtifactBytes: number;
}

/** Reads hub's environment; a ConfigError names every bad variable, never a value. */
export function loadHubConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const parsed = parseEnv(schema, env);
  return {
    port: parsed.HUB_PORT,
    grpcPort: parsed.HUB_GRPC_PORT,
    host: parsed.HOST,
    databaseUrl: parsed.DATABASE_URL,
    username: parsed.HUB_USERNAME,
    password: parsed.HUB_PASSWORD,
    storageDir: resolve(parsed.HUB_STORAGE_DIR),
    maxArtifactBytes: parsed.HUB_MAX_ARTIFACT_BYTES,
  };
}
