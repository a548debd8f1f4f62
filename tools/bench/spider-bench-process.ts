import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** spider running in a child process, so the load generator never shares its event loop. */
export interface BenchSpider {
  rest: string;
  grpc: string;
  pid: number;
  /** Basic auth header value for the REST API. */
  authorization: string;
  /** The server's resident memory now and its peak so far (Linux /proc), in MiB. */
  memory(): { rssMiB: number; peakRssMiB: number };
  /** Queries sent to PostgreSQL and CPU time used by the server so far. */
  stats(): Promise<ServerStats>;
  stop(): Promise<void>;
}

export interface ServerStats {
  queries: number;
  cpuMs: number;
}

/** `nodeFlags` are given to the server's Node (e.g. `--max-semi-space-size=64`). */
export async function startBenchSpider(nodeFlags: string[] = []): Promise<BenchSpider> {
  // SPIDER_BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the server there when it stops (open it in DevTools).
  const profileDir = process.env.SPIDER_BENCH_CPU_PROF;
  const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeFlags, ...profile, '--import', 'tsx', join(__dirname, 'spider-bench-server.ts')],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const statsWaiters: ((stats: ServerStats) => void)[] = [];
  const endpoints = await new Promise<{ rest: string; grpc: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('spider did not start within 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`spider exited with ${code} before it was ready`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('STATS ')) statsWaiters.shift()?.(JSON.parse(line.slice('STATS '.length)));
      if (!line.startsWith('READY ')) return;
      clearTimeout(timer);
      resolve(JSON.parse(line.slice('READY '.length)));
    });
  });
  const pid = child.pid!;
  return {
    ...endpoints,
    pid,
    authorization: `Basic ${Buffer.from('bench:bench').toString('base64')}`,
    memory: () => memoryOf(pid),
    stats: () =>
      new Promise<ServerStats>((resolve) => {
        statsWaiters.push(resolve);
        child.kill('SIGUSR2');
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

function memoryOf(pid: number): { rssMiB: number; peakRssMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: kib('VmRSS') / 1024, peakRssMiB: kib('VmHWM') / 1024 };
}

/** Calls spider's REST API (with Basic auth) and fails on any non-2xx answer. */
export async function restCall(spider: BenchSpider, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${spider.rest}${path}`, {
    method,
    headers: { authorization: spider.authorization, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** Registers a mock connection config through REST; extra credential keys shape the mock cloud. */
export async function registerMockConnection(
  spider: BenchSpider,
  name: string,
  credentialKeys: Record<string, string> = {},
): Promise<void> {
  await restCall(spider, 'POST', '/driver', {
    DriverName: `${name}-driver`,
    ProviderName: 'MOCK',
    DriverLibFileName: 'mock-driver-v1.0.so',
  });
  const extra = Object.entries(credentialKeys).map(([Key, Value]) => ({ Key, Value }));
  await restCall(spider, 'POST', '/credential', {
    CredentialName: `${name}-credential`,
    ProviderName: 'MOCK',
    KeyValueInfoList: [{ Key: 'MockName', Value: `${name}-${process.pid}` }, ...extra],
  });
  await restCall(spider, 'POST', '/region', {
    RegionName: `${name}-region`,
    ProviderName: 'MOCK',
    KeyValueInfoList: [{ Key: 'Region', Value: 'default' }],
  });
  await restCall(spider, 'POST', '/connectionconfig', {
    ConfigName: name,
    ProviderName: 'MOCK',
    DriverName: `${name}-driver`,
    CredentialName: `${name}-credential`,
    RegionName: `${name}-region`,
  });
}
