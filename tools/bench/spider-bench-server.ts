/*
 * spider as one process for the benchmarks: the real service (REST :0 + gRPC :0 over PostgreSQL and the
 * mock driver) in a database of its own. Prints one line `READY {"rest":..., "grpc":...}` when it listens,
 * and stops (dropping its database) on SIGTERM. Started by spider-vm-calls.ts and spider-image-stream.ts.
 */
import { randomBytes } from 'node:crypto';
import pg, { Client } from 'pg';
import { spiderService } from '@cb/spider';
import type { ServiceLogger } from '@cb/runtime';
import { InProcessTransport } from '@cb/events';
import { createLogger } from '@cb/telemetry';
import pino from 'pino';

const quiet: ServiceLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: (object, message) => console.error(message, object),
  debug: () => undefined,
  child: () => quiet,
};

/**
 * SPIDER_BENCH_LOG=<level> runs with the service's real JSON logger at that level (written synchronously
 * to /dev/null, as pino writes to stdout), to measure what logging, such as the access log, costs.
 */
function benchLogger(): ServiceLogger {
  const level = process.env.SPIDER_BENCH_LOG;
  if (!level) return quiet;
  return createLogger('spider', { level, destination: pino.destination({ dest: '/dev/null', sync: true }) });
}

/** Counts every query spider sends to PostgreSQL (TypeORM runs them through pg's Client). */
function countQueries(): () => number {
  let queries = 0;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    queries++;
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  return () => queries;
}

async function main(): Promise<void> {
  const queries = countQueries();
  const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = `spider_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  // Nothing subscribes during a benchmark: the in-process transport takes the VM events off the outbox.
  const events = new InProcessTransport();
  const service = await spiderService.create(
    {
      SPIDER_PORT: '0',
      SPIDER_GRPC_PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: url.toString(),
      SPIDER_USERNAME: 'bench',
      SPIDER_PASSWORD: 'bench',
      CB_SECRET_KEY: randomBytes(32).toString('base64'),
      HUB_GRPC_ADDRESS: '',
    },
    { events, logger: benchLogger() },
  );
  await service.start();
  console.log(`READY ${JSON.stringify(service.endpoints())}`);

  const stop = async () => {
    await service.stop();
    await events.close();
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
    process.exit(0);
  };
  // SIGUSR2 asks for the counters: one `STATS {...}` line (queries sent, CPU time used so far).
  process.on('SIGUSR2', () => {
    const cpu = process.cpuUsage();
    console.log(`STATS ${JSON.stringify({ queries: queries(), cpuMs: (cpu.user + cpu.system) / 1000 })}`);
  });
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
