import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort, startNatsServer } from '@cb/runtime';

const repoRoot = join(__dirname, '../../..');
const tsx = join(repoRoot, 'node_modules/.bin/tsx');
const main = join(repoRoot, 'apps/platform/src/main.ts');

export interface PlatformPorts {
  GATEWAY_PORT: number;
  SPIDER_PORT: number;
  SPIDER_GRPC_PORT: number;
  TB_PORT: number;
  TB_GRPC_PORT: number;
  MCMETA_PORT: number;
  MCMETA_GRPC_PORT: number;
  HUB_PORT: number;
  HUB_GRPC_PORT: number;
  WATERSTRIDER_PORT: number;
}

/** Free ports for every listener, so the test never collides with a platform someone is running. */
export async function freePlatformPorts(): Promise<PlatformPorts> {
  const names: Array<keyof PlatformPorts> = [
    'GATEWAY_PORT',
    'SPIDER_PORT',
    'SPIDER_GRPC_PORT',
    'TB_PORT',
    'TB_GRPC_PORT',
    'MCMETA_PORT',
    'MCMETA_GRPC_PORT',
    'HUB_PORT',
    'HUB_GRPC_PORT',
    'WATERSTRIDER_PORT',
  ];
  const ports = {} as PlatformPorts;
  for (const name of names) ports[name] = await freePort();
  return ports;
}

export interface PlatformProcess {
  /** The platform's process; there once `ready` resolved (it starts after the platform's own NATS). */
  child: ChildProcess;
  /** Ctrl-C as a terminal sends it: SIGINT to every process of the platform's process group. */
  interrupt(): void;
  output(): string;
  /** Resolves with the banner once the platform says it is running; rejects if it exits first. */
  ready: Promise<string>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

const leftovers = new Set<ChildProcess>();

/** Interrupts every platform a failed test left running (call in afterAll). */
export function interruptLeftovers(): void {
  for (const child of leftovers) if (child.exitCode === null) process.kill(-child.pid!, 'SIGINT');
}

/**
 * Runs the same entry point as `npm start`, as its own process, leading a process group of its own
 * as a command run in a terminal does. Unless `env.NATS_URL` is given, the
 * platform gets a NATS server of its own (stopped when it exits): platforms sharing one NATS would
 * share the durable consumers of one event stream and take each other's events.
 */
export function startPlatformProcess(env: NodeJS.ProcessEnv): PlatformProcess {
  let output = '';
  let child: ChildProcess | undefined;
  const nats = env.NATS_URL ? Promise.resolve(undefined) : startNatsServer();
  const spawned = nats.then((server) => {
    const process = spawn(tsx, [main], {
      cwd: repoRoot,
      env: server ? { ...env, NATS_URL: server.url } : env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child = process;
    leftovers.add(process);
    process.once('exit', () => leftovers.delete(process));
    return { child: process, server };
  });
  const exited = spawned.then(
    ({ child, server }) =>
      new Promise<number | null>((resolve) =>
        child.once('exit', (code) => void (server ? server.stop() : Promise.resolve()).then(() => resolve(code))),
      ),
  );
  const ready = spawned.then(
    ({ child }) =>
      new Promise<string>((resolve, reject) => {
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const at = output.indexOf('Cloud-Barista TS is running');
          if (at >= 0 && output.includes('Press Ctrl-C to stop.')) resolve(output.slice(at));
        };
        child.stdout?.on('data', onData);
        child.stderr?.on('data', onData);
        void exited.then((code) => reject(new Error(`platform exited with ${code} before it was ready:\n${output}`)));
      }),
  );
  ready.catch(() => undefined);
  return {
    get child() {
      if (!child) throw new Error('the platform process has not been started yet: await `ready` first');
      return child;
    },
    interrupt() {
      if (!child?.pid) throw new Error('the platform process has not been started yet: await `ready` first');
      process.kill(-child.pid, 'SIGINT');
    },
    output: () => output,
    ready,
    exited,
  };
}
