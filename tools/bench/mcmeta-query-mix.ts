import { Agent, get as httpGet } from 'node:http';

/** Latency percentiles of the fixed query mix, per class and over all, printed as a table. */
export const MIX: { kind: string; path: string }[] = [
  { kind: 'keyword only', path: '/images?q=ubunt%2022.04' },
  { kind: 'keyword only', path: '/images?q=windows%202022' },
  { kind: 'keyword only', path: '/images?q=debain' },
  { kind: 'keyword + filters', path: '/images?q=ubuntu&region=ap-northeast-2&arch=arm64' },
  { kind: 'keyword + filters', path: '/images?q=rocky%209&region=us-central1&status=Available' },
  { kind: 'keyword + filters', path: '/images?q=jammy&region=koreacentral&facets=provider,region' },
  { kind: 'filters only', path: '/images?region=eu-west-1&os=debian&arch=x86_64' },
  { kind: 'filters only', path: '/images?region=japaneast&platform=Windows&facets=provider,os' },
  { kind: 'filters only', path: '/images?os=rhel&status=Available' },
  { kind: 'spec range + price', path: '/specs?vcpuMin=4&vcpuMax=4&memMin=16&memMax=16&sort=price' },
  { kind: 'spec range + price', path: '/specs?vcpuMin=8&memMin=32&gpu=false&sort=price&priceMax=2' },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function runQueryMix(
  rest: string,
  authorization: string,
  clients: number,
  seconds: number,
  warmUpSeconds = 5,
): Promise<number> {
  let requests = 0;
  // One keep-alive socket per client, as a connection-pooling API client would hold.
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  // The timed loop only receives each answer's bytes (a client's parsing is not the service's latency, and on two
  // shared cores the load generator's CPU would queue the service's requests); setting up cursors keeps and parses.
  const fetch = (path: string, keep = false) =>
    new Promise<string>((resolve, reject) => {
      requests++;
      httpGet(`${rest}${path}`, { agent, headers: { authorization } }, (response) => {
        const chunks: Buffer[] = [];
        const failed = response.statusCode !== 200;
        response.on('data', (chunk: Buffer) => {
          if (keep || failed) chunks.push(chunk);
        });
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (failed) reject(new Error(`GET ${path}: ${response.statusCode} ${text}`));
          else resolve(text);
        });
      }).on('error', reject);
    });
  const get = async (path: string): Promise<{ nextCursor?: string }> => JSON.parse(await fetch(path, true));
  // Deep pages: cursors 20,000 rows into a region's images and 2,000 rows into a keyword's matches.
  const deep: { kind: string; path: string }[] = [];
  for (const [base, pages] of [
    ['/images?region=us-east-1', 20],
    ['/images?q=debian', 2],
  ] as const) {
    let cursor = '';
    for (let i = 0; i < pages; i++)
      cursor = (await get(`${base}&limit=1000${cursor ? `&cursor=${cursor}` : ''}`)).nextCursor ?? '';
    deep.push({ kind: 'deep page via cursor', path: `${base}&limit=50&cursor=${cursor}` });
  }
  const mix = [...MIX, ...deep];
  /** `clients` closed loops over the mix for `forSeconds`, each answer's latency handed to `record`. */
  const loop = (forSeconds: number, record: (kind: string, ms: number) => void) => {
    const until = Date.now() + forSeconds * 1000;
    return Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        for (let i = client; Date.now() < until; i++) {
          const query = mix[i % mix.length];
          const started = performance.now();
          await fetch(query.path);
          record(query.kind, performance.now() - started);
        }
      }),
    );
  };
  // Warm-up at full concurrency: caches, JIT and the processes' heaps settle before anything is measured.
  await loop(warmUpSeconds, () => undefined);

  const latencies = new Map<string, number[]>();
  const clientCpu = process.cpuUsage();
  const timedFrom = requests;
  await loop(seconds, (kind, ms) => {
    const list = latencies.get(kind) ?? latencies.set(kind, []).get(kind)!;
    list.push(ms);
  });
  agent.destroy();
  const { user, system } = process.cpuUsage(clientCpu);

  const row = (name: string, values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const f = (p: number) => percentile(sorted, p).toFixed(1).padStart(7);
    console.log(`  ${name.padEnd(22)} ${String(sorted.length).padStart(6)} ${f(50)} ${f(95)} ${f(99)}`);
  };
  console.log(
    `search latency, ${clients} clients, ${seconds} s after ${warmUpSeconds} s of warm-up, closed loop (targets: p95 <= 20 ms, p99 <= 50 ms)`,
  );
  console.log(
    `  ${'query class'.padEnd(22)} ${'count'.padStart(6)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'p99 ms'.padStart(7)}`,
  );
  for (const [kind, values] of latencies) row(kind, values);
  row('all', [...latencies.values()].flat());
  console.log(`  load generator CPU per request: ${((user + system) / 1000 / (requests - timedFrom)).toFixed(2)} ms`);
  return requests;
}
