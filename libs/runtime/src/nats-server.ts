import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, isPortOpen, waitForPort } from './net';

export interface LocalNats {
  url: string;
  /** How it was found: given by NATS_URL, already answering on :4222, or started here. */
  origin: 'NATS_URL' | 'localhost:4222' | 'nats-server';
  stop(): Promise<void>;
}

export interface StartNatsOptions {
  env?: NodeJS.ProcessEnv;
  /** JetStream store; a temporary directory (removed on stop) when absent. */
  storeDir?: string;
  port?: number;
}

const INSTALL_HINT =
  'No NATS server found: set NATS_URL, run one on 127.0.0.1:4222, or install nats-server ' +
  '(Debian/Ubuntu: `apt-get install nats-server`) so that one can be started.';

const nothingToStop = async () => undefined;

/** NATS_URL if set; else a server answering on 127.0.0.1:4222; else `nats-server -js` from PATH. */
export async function findOrStartNats(options: StartNatsOptions = {}): Promise<LocalNats> {
  const env = options.env ?? process.env;
  if (env.NATS_URL) return { url: env.NATS_URL, origin: 'NATS_URL', stop: nothingToStop };
  if (await isPortOpen('127.0.0.1', 4222)) {
    return { url: 'nats://127.0.0.1:4222', origin: 'localhost:4222', stop: nothingToStop };
  }
  return startNatsServer(options);
}

export function natsServerOnPath(env: NodeJS.ProcessEnv = process.env): boolean {
  return spawnSync('nats-server', ['--version'], { stdio: 'ignore', env }).status === 0;
}

/** Starts `nats-server -js` from the PATH in `env` on a loopback port. */
export async function startNatsServer(options: StartNatsOptions = {}): Promise<LocalNats> {
  const env = options.env ?? process.env;
  if (!natsServerOnPath(env)) throw new Error(INSTALL_HINT);
  const port = options.port ?? (await freePort());
  const temporary = options.storeDir === undefined;
  const storeDir = options.storeDir ?? mkdtempSync(join(tmpdir(), 'cb-nats-'));
  mkdirSync(storeDir, { recursive: true });
  const child: ChildProcess = spawn('nats-server', ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], {
    stdio: 'ignore',
    env,
  });
  try {
    await waitForPort('127.0.0.1', port, 10_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    url: `nats://127.0.0.1:${port}`,
    origin: 'nats-server',
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      if (temporary) rmSync(storeDir, { recursive: true, force: true });
    },
  };
}
