/*
 * A 1,000-VM MCIS over 20 mock regions, each with 100 ms per call and a per-region rate limit, created
 * through tumblebug's REST API; spider and tumblebug run as real child processes over fresh databases,
 * tumblebug under `ulimit -n 1024`. Prints: wall time against the rate-limit lower bound, tumblebug's peak
 * RSS and open file descriptors (and any EMFILE), and MCIS GET latency with the spider calls made meanwhile.
 *
 *   npx tsx tools/bench/tumblebug-mcis-1000.ts [--vms 1000] [--regions 20] [--rate 5] [--latency 100]
 *     [--gets 100] [--timeout 600]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { registerMockConnection, restCall, startBenchSpider, type BenchSpider } from './spider-bench-process';
import { type BenchTumblebug, startBenchTumblebug } from './tumblebug-bench-process';
import { printTimeline, regionTimelines } from './tumblebug-timeline';

const { values } = parseArgs({
  options: {
    vms: { type: 'string', default: '1000' },
    regions: { type: 'string', default: '20' },
    rate: { type: 'string', default: '5' },
    latency: { type: 'string', default: '100' },
    gets: { type: 'string', default: '100' },
    timeout: { type: 'string', default: '600' },
  },
});
const VMS = Number(values.vms);
const REGIONS = Number(values.regions);
const RATE = Number(values.rate);
const LATENCY_MS = Number(values.latency);
const GETS = Number(values.gets);
const NS = 'bench';
const MCIS = 'bench-mcis';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers of several shapes
async function tb(server: BenchTumblebug, method: string, path: string, body?: unknown): Promise<any> {
  if (process.env.BENCH_TRACE) console.log(new Date().toISOString(), method, path);
  const response = await fetch(`${server.rest}${path}`, {
    method,
    headers: { authorization: server.authorization, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(120_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : undefined;
}

async function spiderCallsSince(spider: BenchSpider, since: Date): Promise<{ calls: number; errors: number }> {
  const { stats } = (await restCall(spider, 'GET', `/callhistory/stats?since=${since.toISOString()}`)) as {
    stats: { Calls: number; Errors: number }[];
  };
  return stats.reduce((sum, s) => ({ calls: sum.calls + s.Calls, errors: sum.errors + s.Errors }), {
    calls: 0,
    errors: 0,
  });
}

async function prepareRegion(server: BenchTumblebug, conn: string) {
  const net = { name: `${conn}-net`, connectionName: conn, cidrBlock: '10.0.0.0/16' };
  await tb(server, 'POST', `/ns/${NS}/resources/vNet`, {
    ...net,
    subnetInfoList: [{ name: `${conn}-sub`, ipv4_CIDR: '10.0.1.0/24' }],
  });
  await tb(server, 'POST', `/ns/${NS}/resources/securityGroup`, {
    name: `${conn}-sg`,
    connectionName: conn,
    vNetId: `${conn}-net`,
    firewallRules: [{ Direction: 'inbound', Protocol: 'TCP', Ports: '22', CIDR: '0.0.0.0/0' }],
  });
  await tb(server, 'POST', `/ns/${NS}/resources/sshKey`, { name: `${conn}-key`, connectionName: conn });
  await tb(server, 'POST', `/ns/${NS}/resources/spec`, {
    name: `${conn}-spec`,
    connectionName: conn,
    cspSpecName: 'mock-vmspec-01',
  });
  await tb(server, 'POST', `/ns/${NS}/resources/image`, {
    name: `${conn}-img`,
    connectionName: conn,
    cspImageName: 'mock-vmimage-01',
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

async function main() {
  const deadline = setTimeout(
    () => {
      console.error(`gave up after ${values.timeout} s`);
      process.exit(2);
    },
    Number(values.timeout) * 1000,
  );
  const connections = Array.from({ length: REGIONS }, (_, i) => `bench-r${String(i + 1).padStart(2, '0')}`);
  const perRegion = Math.ceil(VMS / REGIONS);
  console.log(`${VMS} VMs over ${REGIONS} mock regions: ${LATENCY_MS} ms per call, ${RATE} calls/s per region`);

  const spider = await startBenchSpider();
  let server: BenchTumblebug | undefined;
  try {
    for (const conn of connections) {
      await registerMockConnection(spider, conn, { LatencyMs: String(LATENCY_MS), RateLimitPerSec: String(RATE) });
    }
    server = await startBenchTumblebug({
      SPIDER_GRPC_ADDRESS: spider.grpc,
      // The operator's knowledge of the cloud: the provider's budget is the sum of its regions' limits.
      TB_MCIS_CALLS_PER_SECOND_PER_PROVIDER: String(REGIONS * RATE),
      // Keep the status agent's settled polls out of the GET measurement (transitional VMs still poll fast).
      TB_MCIS_SETTLED_POLL_MS: '600000',
      ...Object.fromEntries(Object.entries(process.env).filter(([key]) => key.startsWith('TB_MCIS_'))),
    });
    const tumblebug = server;
    let maxFds = 0;
    const sampler = setInterval(() => {
      try {
        maxFds = Math.max(maxFds, tumblebug.openFds());
      } catch {
        /* the process is gone; reported below */
      }
    }, 100);

    await tb(tumblebug, 'POST', '/ns', { name: NS, description: 'benchmark' });
    // Four regions at a time: 20 concurrent security-group creations have hung spider past 120 s (see README).
    for (let i = 0; i < connections.length; i += 4) {
      await Promise.all(connections.slice(i, i + 4).map((conn) => prepareRegion(tumblebug, conn)));
    }
    await sleep(1500); // every region's bucket full again, as the lower bound assumes

    const subGroups = connections.map((conn, i) => ({
      name: `g${i + 1}`,
      subGroupSize: Math.min(perRegion, VMS - i * perRegion),
      connectionName: conn,
      specId: `${conn}-spec`,
      imageId: `${conn}-img`,
      vNetId: `${conn}-net`,
      subnetId: `${conn}-sub`,
      securityGroupIds: [`${conn}-sg`],
      sshKeyId: `${conn}-key`,
    }));
    const loadBefore = loadavg()[0];
    const cpuBefore = { tumblebug: tumblebug.cpuMs(), spider: (await spider.stats()).cpuMs };
    const createdAt = new Date();
    const started = performance.now();
    await tb(tumblebug, 'POST', `/ns/${NS}/mci`, { name: MCIS, subGroups });
    const acceptedMs = performance.now() - started;
    let status: { status: string; targetAction: string; statusCount: Record<string, number> };
    let allRunningS = NaN;
    for (;;) {
      status = (await tb(tumblebug, 'GET', `/ns/${NS}/mci/${MCIS}?option=status`)).status;
      if (Number.isNaN(allRunningS) && status.statusCount.countRunning === VMS)
        allRunningS = (performance.now() - started) / 1000;
      if (status.targetAction === 'None') break;
      await sleep(250);
    }
    const wallS = (performance.now() - started) / 1000;
    const cpuS = {
      tumblebug: (tumblebug.cpuMs() - cpuBefore.tumblebug) / 1000,
      spider: ((await spider.stats()).cpuMs - cpuBefore.spider) / 1000,
    };
    const creationCalls = await spiderCallsSince(spider, createdAt);
    const timeline = await regionTimelines(spider, connections, createdAt, RATE);
    const boundS = VMS / (REGIONS * RATE) + LATENCY_MS / 1000;

    await sleep(1000);
    const getsSince = new Date();
    const latencies: number[] = [];
    let vmsSeen = 0;
    for (let i = 0; i < GETS; i++) {
      const t = performance.now();
      vmsSeen = (await tb(tumblebug, 'GET', `/ns/${NS}/mci/${MCIS}`)).vm.length;
      latencies.push(performance.now() - t);
    }
    const getCalls = await spiderCallsSince(spider, getsSince);
    clearInterval(sampler);
    latencies.sort((a, b) => a - b);
    const memory = tumblebug.memory();
    const emfile = tumblebug.stderr.filter((line) => /EMFILE/.test(line)).length;

    const row = (label: string, value: string) => console.log(`${label.padEnd(42)} ${value}`);
    row('final status', status.status);
    row('load average (1 min) at POST / at the end', `${loadBefore.toFixed(2)} / ${loadavg()[0].toFixed(2)} (2 cores)`);
    row('POST answered (accepted) in', `${acceptedMs.toFixed(0)} ms`);
    row('wall time to settled', `${wallS.toFixed(1)} s`);
    row('rate-limit lower bound', `${boundS.toFixed(1)} s (${VMS} / (${REGIONS} x ${RATE}/s) + ${LATENCY_MS} ms)`);
    row(
      'CPU used during the creation',
      `tumblebug ${cpuS.tumblebug.toFixed(1)} s, spider ${cpuS.spider.toFixed(1)} s (of ${(2 * wallS).toFixed(1)} s on 2 cores)`,
    );
    row('every VM Running (seen by the poll) at', `${allRunningS.toFixed(1)} s`);
    printTimeline(timeline, row);
    row('wall / lower bound', `${(wallS / boundS).toFixed(2)}x (target <= 1.3x)`);
    row(
      'driver calls during creation',
      `${creationCalls.calls} (${(creationCalls.calls / VMS).toFixed(2)} per VM), ${creationCalls.errors} errors (throttled or failed)`,
    );
    row('tumblebug peak RSS', `${memory.peakRssMiB.toFixed(0)} MiB (now ${memory.rssMiB.toFixed(0)} MiB)`);
    row(
      'tumblebug open fds (max sampled)',
      `${maxFds} of a limit of ${tumblebug.openFileLimit()}; EMFILE lines: ${emfile}`,
    );
    row(
      `GET /ns/${NS}/mci/${MCIS} (${vmsSeen} VMs) x ${GETS}`,
      `p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p95 ${percentile(latencies, 0.95).toFixed(1)} ms, max ${latencies[latencies.length - 1].toFixed(1)} ms (target p95 <= 200 ms)`,
    );
    row('spider calls during the GETs', `${getCalls.calls} (target 0)`);
  } finally {
    await server?.stop();
    await spider.stop();
    clearTimeout(deadline);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
