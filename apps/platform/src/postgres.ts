import { join } from 'node:path';
import { checkDatabaseConnection, startEmbeddedPostgres } from '@cb/db';
import type { PlatformConfig } from './config';

export interface PlatformPostgres {
  /** Admin URL; each service gets its own database on this server. */
  adminUrl: string;
  origin: 'DATABASE_URL' | 'embedded';
  stop(): Promise<void>;
}

/** DATABASE_URL when given (validated by the config, reached once here); else embedded, data under CB_DATA_DIR. */
export async function choosePostgres(config: PlatformConfig): Promise<PlatformPostgres> {
  if (config.DATABASE_URL) {
    await checkDatabaseConnection(config.DATABASE_URL);
    return { adminUrl: config.DATABASE_URL, origin: 'DATABASE_URL', stop: async () => undefined };
  }
  const server = await startEmbeddedPostgres({
    dataDir: join(config.CB_DATA_DIR, 'postgres'),
    port: config.EMBEDDED_POSTGRES_PORT || undefined,
    persistent: true,
  });
  return { adminUrl: server.url, origin: 'embedded', stop: () => server.stop() };
}
