/*
 * Listing 100,000 mock images over gRPC server streaming (ListImages), at several batch sizes (records
 * per message): wall time, records per second, and peak RSS of the spider server and of the client.
 *
 *   npx tsx tools/bench/spider-image-stream.ts [--images 100000] [--runs 3] [--batches 1,100,500,2000]
 *
 * Batch size 1 (one message per image) is the baseline batching is measured against. Each run reads the
 * whole stream through @cb/spider-client, which yields one upstream-shaped ImageInfo at a time.
 */
import { SpiderClient } from '@cb/spider-client';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { registerMockConnection, startBenchSpider, type BenchSpider } from './spider-bench-process';
import { median, printTable } from './spider-load';

const { values } = parseArgs({
  options: {
    images: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    batches: { type: 'string', default: '1,100,500,2000' },
  },
});
const IMAGES = Number(values.images);
const RUNS = Number(values.runs);
const BATCHES = values.batches!.split(',').map(Number);
const C = 'bench-images';
/** No single stream may take longer than this: the benchmark is bounded even on a very slow machine. */
const STREAM_DEADLINE_MS = 120_000;

interface StreamRun {
  seconds: number;
  count: number;
  serverPeakMiB: number;
  clientPeakMiB: number;
}

/** Samples resident memory every 20 ms while `work` runs; answers the highest values seen. */
async function withMemorySampling(spider: BenchSpider, work: () => Promise<number>): Promise<StreamRun> {
  let serverPeak = spider.memory().rssMiB;
  let clientPeak = process.memoryUsage().rss / 2 ** 20;
  const timer = setInterval(() => {
    serverPeak = Math.max(serverPeak, spider.memory().rssMiB);
    clientPeak = Math.max(clientPeak, process.memoryUsage().rss / 2 ** 20);
  }, 20);
  const start = performance.now();
  try {
    const count = await work();
    return { seconds: (performance.now() - start) / 1000, count, serverPeakMiB: serverPeak, clientPeakMiB: clientPeak };
  } finally {
    clearInterval(timer);
  }
}

async function main(): Promise<void> {
  console.log(`spider ListImages over gRPC: ${IMAGES} mock images, ${RUNS} runs per batch size (median shown)`);
  const spider = await startBenchSpider();
  const client = new SpiderClient(spider.grpc, { deadlineMs: 30_000 });
  try {
    await registerMockConnection(spider, C, { ImagesPerRegion: String(IMAGES) });
    const rows: (string | number)[][] = [];
    for (const batchSize of BATCHES) {
      const runs: StreamRun[] = [];
      for (let i = 0; i < RUNS; i++) {
        runs.push(
          await withMemorySampling(spider, async () => {
            let count = 0;
            for await (const image of client.listImages(C, { batchSize, deadlineMs: STREAM_DEADLINE_MS })) {
              if (image.IId.NameId) count++;
            }
            return count;
          }),
        );
        if (runs.at(-1)!.count !== IMAGES) throw new Error(`expected ${IMAGES} images, got ${runs.at(-1)!.count}`);
      }
      const seconds = median(runs.map((r) => r.seconds));
      console.log(`  batch ${batchSize}: runs ${runs.map((r) => r.seconds.toFixed(2)).join(' / ')} s`);
      rows.push([
        batchSize,
        seconds.toFixed(2),
        Math.round(IMAGES / seconds),
        Math.max(...runs.map((r) => r.serverPeakMiB)).toFixed(0),
        Math.max(...runs.map((r) => r.clientPeakMiB)).toFixed(0),
      ]);
    }
    console.log('');
    printTable(['batch', 'seconds', 'images/s', 'server peak RSS MiB', 'client peak RSS MiB'], rows);
    console.log(
      `\nspider process peak RSS over the whole benchmark (VmHWM): ${spider.memory().peakRssMiB.toFixed(0)} MiB`,
    );
  } finally {
    client.close();
    await spider.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
