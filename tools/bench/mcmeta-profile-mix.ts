/*
 * The benchmark's query mix against an already loaded catalog (BENCH_KEEP_DATABASE of an earlier run), without
 * syncing: for profiling the search path. PROF_CPU=1 writes a V8 CPU profile of mc-meta into PROF_CPU_DIR.
 *   npx tsx tools/bench/mcmeta-profile-mix.ts <database> [clients] [seconds]
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { CpuMeter } from './mcmeta-bench-cpu';
import { runQueryMix } from './mcmeta-query-mix';

async function main(): Promise<void> {
  const [database, clients = '8', seconds = '15'] = process.argv.slice(2);
  const flags = process.env.PROF_CPU ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROF_CPU_DIR ?? '.'}`] : [];
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', join(__dirname, 'mcmeta-bench-server.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, BENCH_KEEP_DATABASE: database, BENCH_IMAGES: '20000' },
  });
  const rest = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`mc-meta exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('READY ')) resolve(JSON.parse(line.slice('READY '.length)).rest);
    });
  });
  const authorization = `Basic ${Buffer.from('bench:bench').toString('base64')}`;
  const admin = new Client('postgres://postgres@127.0.0.1:5432/postgres');
  await admin.connect();
  const meter = new CpuMeter(admin, database, child.pid!);
  await meter.sample();
  const sampler = setInterval(() => void meter.sample().catch(() => undefined), 500);
  const requests = await runQueryMix(rest, authorization, Number(clients), Number(seconds));
  clearInterval(sampler);
  await meter.sample();
  const used = meter.used();
  console.log(
    `CPU per request (incl. warm-up): mc-meta ${((used.service * 1000) / requests).toFixed(2)} ms, ` +
      `PostgreSQL ${((used.database * 1000) / requests).toFixed(2)} ms`,
  );
  await admin.end();
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
