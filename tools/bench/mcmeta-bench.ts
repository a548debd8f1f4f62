/*
 * mc-meta benchmark: full sync of 3 mock providers x 20 connections x 20,000 images (1.2 million) plus specs and
 * prices into PostgreSQL, the peak RSS of the mc-meta process meanwhile, then search latency for a fixed query mix
 * at 8 concurrent clients. mc-meta runs in a child process (mcmeta-bench-server.ts).
 *
 *   npx tsx tools/bench/mcmeta-bench.ts [--source spider|driver] [--images 20000] [--clients 8] [--seconds 20]
 *                                        [--resync]
 *
 * --source spider (default): end to end, spider (child process, mock driver) streams the catalogs over gRPC.
 * --source driver: the engine alone, mc-meta reads the mock driver in its own process.
 * --resync: after the searches, the whole catalog synced again, unchanged (what a scheduled sync does).
 */
import { spawn } from 'node:child_process';
import { Client } from 'pg';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { benchConnections } from './mcmeta-bench-catalog';
import { restCall, startBenchSpider, type BenchSpider } from './spider-bench-process';
import { CpuMeter, machineCpuSeconds } from './mcmeta-bench-cpu';
import { runQueryMix } from './mcmeta-query-mix';

const { values } = parseArgs({
  options: {
    source: { type: 'string', default: 'spider' },
    images: { type: 'string', default: '20000' },
    clients: { type: 'string', default: '8' },
    seconds: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '2' },
    resync: { type: 'boolean', default: false },
  },
});
const images = Number(values.images);
/**
 * MCMETA_BENCH_SEMI_SPACE_MIB=<n> runs spider and mc-meta with `--max-semi-space-size=<n>` (Node's default is 16):
 * the stream's records are short-lived and scavenges are a large part of both processes' CPU. A runtime flag,
 * so off by default: the benchmark measures the services as they are deployed (apps/mc-meta/README.md,
 * "Benchmark", has what 32 and 64 did).
 */
const semiSpaceMiB = Number(process.env.MCMETA_BENCH_SEMI_SPACE_MIB ?? 0);
const nodeFlags = semiSpaceMiB > 0 ? [`--max-semi-space-size=${semiSpaceMiB}`] : [];
const authorization = `Basic ${Buffer.from('bench:bench').toString('base64')}`;

function peakRssMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

async function startMcMeta(env: Record<string, string>) {
  // MCMETA_BENCH_CPU_PROF=<dir> writes a V8 CPU profile of mc-meta there when it stops (open it in DevTools).
  const profileDir = process.env.MCMETA_BENCH_CPU_PROF;
  const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const child = spawn(
    process.execPath,
    [...nodeFlags, ...profile, '--import', 'tsx', join(__dirname, 'mcmeta-bench-server.ts')],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    },
  );
  const endpoints = await new Promise<{ rest: string; grpc: string; database: string }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`mc-meta exited with ${code} before it was ready`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('READY ')) resolve(JSON.parse(line.slice('READY '.length)));
    });
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return { ...endpoints, pid: child.pid!, stop };
}

/** Each connection's region config is named as the cloud's region, so mc-meta's region column is the cloud's. */
async function registerConnections(spider: BenchSpider): Promise<void> {
  await restCall(spider, 'POST', '/driver', {
    DriverName: 'bench-mock',
    ProviderName: 'MOCK',
    DriverLibFileName: 'mock-driver-v1.0.so',
  });
  const regions = new Set<string>();
  for (const connection of benchConnections(images)) {
    if (!regions.has(connection.region)) {
      regions.add(connection.region);
      await restCall(spider, 'POST', '/region', {
        RegionName: connection.region,
        ProviderName: 'MOCK',
        KeyValueInfoList: [{ Key: 'Region', Value: connection.region }],
      });
    }
    await restCall(spider, 'POST', '/credential', {
      CredentialName: `${connection.name}-credential`,
      ProviderName: 'MOCK',
      KeyValueInfoList: Object.entries(connection.credential).map(([Key, Value]) => ({ Key, Value })),
    });
    await restCall(spider, 'POST', '/connectionconfig', {
      ConfigName: connection.name,
      ProviderName: 'MOCK',
      DriverName: 'bench-mock',
      CredentialName: `${connection.name}-credential`,
      RegionName: connection.region,
    });
  }
}

async function main(): Promise<void> {
  const spider = values.source === 'spider' ? await startBenchSpider(nodeFlags) : undefined;
  if (spider) await registerConnections(spider);
  const mcmeta = await startMcMeta({
    BENCH_SOURCE: values.source!,
    BENCH_IMAGES: String(images),
    MCMETA_SYNC_CONCURRENCY: values.concurrency!,
    ...(spider ? { SPIDER_GRPC_ADDRESS: spider.grpc } : {}),
  });
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${mcmeta.rest}${path}`, {
      method,
      headers: { authorization, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<any>;
  };
  const admin = new Client({
    connectionString: process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  });
  await admin.connect();
  /** A sync of every connection, started over REST and polled until it ends; prints its time, counts and CPU. */
  const timedSync = async (title: string, target = '') => {
    const syncCpu = new CpuMeter(admin, mcmeta.database, mcmeta.pid);
    await syncCpu.sample();
    const spiderCpuBefore = spider ? (await spider.stats()).cpuMs : 0;
    const machineCpuBefore = machineCpuSeconds();
    const started = Date.now();
    const { id } = await call('POST', '/sync', {});
    let run: any;
    do {
      await new Promise((resolve) => setTimeout(resolve, 250));
      await syncCpu.sample();
      run = await call('GET', `/sync/${id}`);
    } while (run.status === 'running');
    const seconds = (Date.now() - started) / 1000;
    console.log(`${title}: ${run.status} in ${seconds.toFixed(1)} s${target}, ${run.tasks.length} tasks`);
    for (const [kind, counts] of Object.entries(run.countsByKind)) console.log(`  ${kind}: ${JSON.stringify(counts)}`);
    console.log(`  images/s: ${Math.round(run.countsByKind.images.received / seconds)}`);
    const cpu = syncCpu.used();
    const spiderCpu = spider
      ? `, spider ${(((await spider.stats()).cpuMs - spiderCpuBefore) / 1000).toFixed(1)} s`
      : '';
    console.log(
      `CPU used by the sync: mc-meta ${cpu.service.toFixed(1)} s, its PostgreSQL backends ${cpu.database.toFixed(1)} s` +
        `${spiderCpu} (load average ${loadavg()[0].toFixed(1)})`,
    );
    // How much of the machine the sync kept busy: the rest is time no process had work for a core, or time the
    // hypervisor took (vmstat's `st`).
    const machineCpu = machineCpuSeconds() - machineCpuBefore;
    const available = seconds * cpus().length;
    console.log(
      `  the whole machine meanwhile: ${machineCpu.toFixed(1)} CPU-s of ${available.toFixed(1)} ` +
        `(${((100 * machineCpu) / available).toFixed(0)} % busy)`,
    );
    if (run.status !== 'completed') console.log(`  error: ${run.error}`);
  };
  try {
    const baseline = peakRssMiB(mcmeta.pid).rss;
    console.log(
      `source: ${values.source === 'spider' ? 'spider over gRPC (end to end)' : 'mock driver in the mc-meta process (engine alone)'}`,
    );
    console.log(`Node flags of spider and mc-meta: ${nodeFlags.join(' ') || "(Node's defaults)"}`);
    await timedSync('full sync', ' (target <= 60 s)');
    console.log(
      `mc-meta RSS: before ${baseline.toFixed(0)} MiB, peak ${peakRssMiB(mcmeta.pid).peak.toFixed(0)} MiB (target <= 512 MiB)`,
    );

    // The load leaves gigabytes of dirty pages for the next checkpoint to write out; taken now, that one-time
    // write-out is not measured as search latency.
    const flushing = Date.now();
    await admin.query('CHECKPOINT');
    console.log(`CHECKPOINT after the load: ${((Date.now() - flushing) / 1000).toFixed(1)} s`);

    const mixCpu = new CpuMeter(admin, mcmeta.database, mcmeta.pid);
    const spiderMixCpu = spider ? (await spider.stats()).cpuMs : 0;
    const machineMixCpu = machineCpuSeconds();
    await mixCpu.sample();
    const sampler = setInterval(() => void mixCpu.sample().catch(() => undefined), 500);
    const requests = await runQueryMix(mcmeta.rest, authorization, Number(values.clients), Number(values.seconds));
    clearInterval(sampler);
    await mixCpu.sample();
    const used = mixCpu.used();
    console.log(
      `CPU per search request (incl. warm-up): mc-meta ${((used.service * 1000) / requests).toFixed(2)} ms, ` +
        `PostgreSQL ${((used.database * 1000) / requests).toFixed(2)} ms (load average ${loadavg()[0].toFixed(1)})`,
    );
    // What else ran meanwhile: spider (idle in this phase) and the machine as a whole, per request.
    const spiderMs = spider ? ((await spider.stats()).cpuMs - spiderMixCpu) / requests : 0;
    const machineMs = ((machineCpuSeconds() - machineMixCpu) * 1000) / requests;
    console.log(
      `  meanwhile per request: spider ${spiderMs.toFixed(2)} ms, the whole machine ${machineMs.toFixed(2)} ms`,
    );
    if (values.resync) await timedSync('unchanged re-sync');
  } finally {
    await admin.end();
    await mcmeta.stop();
    await spider?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
