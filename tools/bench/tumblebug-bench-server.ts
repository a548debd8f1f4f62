/*
 * tumblebug as one process for the benchmarks: the real service (REST :0 + gRPC :0) over a database of its
 * own, talking to spider at SPIDER_GRPC_ADDRESS. TB_MCIS_* tuning comes from the environment as in
 * production. Prints `READY {"rest":..., "grpc":...}` when it listens; stops (dropping its database) on
 * SIGTERM. Started by tumblebug-mcis-1000.ts.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { InProcessTransport } from '@cb/events';
import type { ServiceLogger } from '@cb/runtime';
import { tumblebugService } from '@cb/tumblebug';

const quiet: ServiceLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: (object, message) => console.error(message, object),
  debug: () => undefined,
  child: () => quiet,
};

async function main(): Promise<void> {
  const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = `tumblebug_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  // spider's connections are read at start; nothing else crosses processes as events during the run.
  const events = new InProcessTransport();
  const service = await tumblebugService.create(
    {
      ...process.env,
      TB_PORT: '0',
      TB_GRPC_PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: url.toString(),
      CB_SECRET_KEY: randomBytes(32).toString('base64'),
    },
    { events, logger: quiet },
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
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
