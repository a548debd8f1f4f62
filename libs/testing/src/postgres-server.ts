import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@cb/runtime';

export interface PostgresForTests {
  /** Admin URL: tests create their own databases through it. */
  url: string;
  stop(): Promise<void>;
}

/** DATABASE_URL if set; otherwise a throw-away embedded PostgreSQL (real binaries from npm). */
export async function findOrStartPostgres(env: NodeJS.ProcessEnv = process.env): Promise<PostgresForTests> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, stop: async () => undefined };
  // Loaded only when needed: runs with DATABASE_URL never touch the embedded binaries.
  const { startEmbeddedPostgres } = await import('@cb/db');
  const port = await freePort();
  const server = await startEmbeddedPostgres({
    dataDir: join(tmpdir(), `cb-test-pg-${process.pid}-${port}`),
    port,
    persistent: false,
    // jest handles no Ctrl-C of its own: the server must get it too, or it would outlive the run.
    ownProcessGroup: false,
  });
  return { url: server.url, stop: () => server.stop() };
}
