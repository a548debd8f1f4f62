/*
 * VM get and VM status through spider's REST API and through its gRPC API, on the mock driver, at 64
 * concurrent clients: requests per second and p50/p99 latency, the median of a few timed runs each.
 *
 *   npx tsx tools/bench/spider-vm-calls.ts [--seconds 5] [--runs 3] [--concurrency 64]
 *
 * spider runs in a child process (real PostgreSQL, REST + gRPC); the load comes from this process over
 * loopback: REST through a keep-alive agent with one socket per client, gRPC through one HTTP/2 channel.
 */
import { SpiderClient } from '@cb/spider-client';
import { Agent, request } from 'node:http';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { registerMockConnection, restCall, startBenchSpider, type BenchSpider } from './spider-bench-process';
import { medianRun, printTable, runLoad, type LoadResult } from './spider-load';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    runs: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '64' },
  },
});
const SECONDS = Number(values.seconds);
const RUNS = Number(values.runs);
const CONCURRENCY = Number(values.concurrency);
const C = 'bench-vm';

async function createVm(spider: BenchSpider): Promise<void> {
  await registerMockConnection(spider, C);
  const post = (path: string, ReqInfo: unknown) => restCall(spider, 'POST', path, { ConnectionName: C, ReqInfo });
  await post('/vpc', {
    Name: 'vpc-01',
    IPv4_CIDR: '192.168.0.0/16',
    SubnetInfoList: [{ Name: 'subnet-01', IPv4_CIDR: '192.168.1.0/24' }],
  });
  await post('/securitygroup', {
    Name: 'sg-01',
    VPCName: 'vpc-01',
    SecurityRules: [{ FromPort: '22', ToPort: '22', IPProtocol: 'tcp', Direction: 'inbound' }],
  });
  await post('/keypair', { Name: 'keypair-01' });
  await post('/vm', {
    Name: 'vm-01',
    ImageName: 'mock-vmimage-01',
    VPCName: 'vpc-01',
    SubnetName: 'subnet-01',
    SecurityGroupNames: ['sg-01'],
    VMSpecName: 'mock-vmspec-01',
    KeyPairName: 'keypair-01',
  });
}

/** A GET through a keep-alive agent; resolves when the whole body arrived, rejects on a non-200. */
function restGetter(spider: BenchSpider, path: string): () => Promise<void> {
  const url = new URL(`${spider.rest}${path}`);
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const headers = { authorization: spider.authorization };
  return () =>
    new Promise<void>((resolve, reject) => {
      const req = request(url, { agent, headers }, (res) => {
        res.resume();
        res.once('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
      });
      req.once('error', reject);
      req.end();
    });
}

/**
 * Besides req/s and latency, the server's CPU time and PostgreSQL queries per call over all timed runs:
 * on a shared machine those two stay steady while throughput moves with the neighbours' load.
 */
async function measure(spider: BenchSpider, name: string, call: () => Promise<unknown>): Promise<(string | number)[]> {
  await runLoad(call, CONCURRENCY, 1_000); // warm-up: connections, JIT, pools
  const before = await spider.stats();
  const runs: LoadResult[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await runLoad(call, CONCURRENCY, SECONDS * 1_000));
  const after = await spider.stats();
  const calls = runs.reduce((sum, r) => sum + r.requests + r.errors, 0);
  const m = medianRun(runs);
  const all = runs.map((r) => Math.round(r.perSecond)).join(' / ');
  console.log(`  ${name}: runs ${all} req/s`);
  const cpuMs = (after.cpuMs - before.cpuMs) / calls;
  const queries = (after.queries - before.queries) / calls;
  return [
    name,
    Math.round(m.perSecond),
    m.p50Ms.toFixed(2),
    m.p99Ms.toFixed(2),
    cpuMs.toFixed(3),
    queries.toFixed(2),
    m.errors,
  ];
}

async function main(): Promise<void> {
  console.log(
    `spider VM calls on mock: ${CONCURRENCY} concurrent clients, ${RUNS} runs x ${SECONDS} s each (median shown)`,
  );
  const spider = await startBenchSpider();
  const grpc = new SpiderClient(spider.grpc, { deadlineMs: 30_000 });
  try {
    await createVm(spider);
    const rows = [
      await measure(spider, 'REST GET /vm/vm-01', restGetter(spider, `/vm/vm-01?ConnectionName=${C}`)),
      await measure(spider, 'gRPC GetVm', () => grpc.getVm(C, 'vm-01')),
      await measure(spider, 'REST GET /vmstatus/vm-01', restGetter(spider, `/vmstatus/vm-01?ConnectionName=${C}`)),
      await measure(spider, 'gRPC GetVmStatus', () => grpc.getVmStatus(C, 'vm-01')),
    ];
    console.log('');
    printTable(['call', 'req/s', 'p50 ms', 'p99 ms', 'server CPU ms/call', 'DB queries/call', 'errors'], rows);
    const { peakRssMiB } = spider.memory();
    console.log(`\nspider peak RSS ${peakRssMiB.toFixed(0)} MiB; cores on this machine: ${cpus().length}`);
  } finally {
    grpc.close();
    await spider.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
