import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** tumblebug in a child process under `ulimit -n <openFiles>`, with its memory and descriptors observable. */
export interface BenchTumblebug {
  rest: string;
  grpc: string;
  pid: number;
  authorization: string;
  /** Every line the server wrote to stderr (to look for EMFILE and errors). */
  stderr: string[];
  memory(): { rssMiB: number; peakRssMiB: number };
  /** CPU time (user + system) the process has used so far, in ms (Linux /proc). */
  cpuMs(): number;
  openFds(): number;
  /** The soft limit on open files the process runs with (from /proc/<pid>/limits). */
  openFileLimit(): number;
  stop(): Promise<void>;
}

export async function startBenchTumblebug(env: Record<string, string>, openFiles = 1024): Promise<BenchTumblebug> {
  // TUMBLEBUG_BENCH_CPU_PROF=<dir> writes a V8 CPU profile of tumblebug there when it stops (open it in DevTools).
  const profileDir = process.env.TUMBLEBUG_BENCH_CPU_PROF;
  const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const node = [process.execPath, ...profile, '--import', 'tsx', join(__dirname, 'tumblebug-bench-server.ts')];
  const quoted = node.map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ');
  // exec keeps the pid: /proc/<pid> is tumblebug's node process itself.
  const child: ChildProcess = spawn('sh', ['-c', `ulimit -n ${openFiles}; exec ${quoted}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
  const endpoints = await new Promise<{ rest: string; grpc: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('tumblebug did not start within 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`tumblebug exited with ${code}: ${stderr.slice(-5).join('\n')}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('READY ')) return;
      clearTimeout(timer);
      resolve(JSON.parse(line.slice('READY '.length)));
    });
  });
  const pid = child.pid!;
  return {
    ...endpoints,
    pid,
    authorization: `Basic ${Buffer.from('default:default').toString('base64')}`,
    stderr,
    memory() {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
      return { rssMiB: kib('VmRSS') / 1024, peakRssMiB: kib('VmHWM') / 1024 };
    },
    cpuMs() {
      // Fields 14 and 15 of /proc/<pid>/stat, after the command name in parentheses; clock ticks of 10 ms.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    },
    openFds: () => readdirSync(`/proc/${pid}/fd`).length,
    openFileLimit() {
      const line = readFileSync(`/proc/${pid}/limits`, 'utf8')
        .split('\n')
        .find((l) => l.startsWith('Max open files'));
      return Number(line?.split(/\s{2,}/)[1] ?? NaN);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
