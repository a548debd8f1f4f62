import { envPort, parseEnv } from '@cb/runtime';
import { z } from 'zod';

/**
 * The console's own settings. The credentials guard only the event stream (the APIs check their own);
 * they default to the platform's (CB_API_*), which default to upstream's `default` / `default`.
 */
const WaterstriderEnv = z.object({
  WATERSTRIDER_PORT: envPort(1234),
  HOST: z.string().default('127.0.0.1'),
  CB_API_USERNAME: z.string().min(1).default('default'),
  CB_API_PASSWORD: z.string().min(1).default('default'),
  WATERSTRIDER_USERNAME: z.string().min(1).optional(),
  WATERSTRIDER_PASSWORD: z.string().min(1).optional(),
});

export interface WaterstriderConfig {
  port: number;
  host: string;
  username: string;
  password: string;
}

export function loadWaterstriderConfig(env: NodeJS.ProcessEnv): WaterstriderConfig {
  const parsed = parseEnv(WaterstriderEnv, env);
  return {
    port: parsed.WATERSTRIDER_PORT,
    host: parsed.HOST,
    username: parsed.WATERSTRIDER_USERNAME ?? parsed.CB_API_USERNAME,
    password: parsed.WATERSTRIDER_PASSWORD ?? parsed.CB_API_PASSWORD,
  };
}
