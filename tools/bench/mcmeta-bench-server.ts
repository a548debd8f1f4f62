/*
 * mc-meta as one process for its benchmark: the real service (REST :0 + gRPC :0 over PostgreSQL) in a database
 * of its own. BENCH_SOURCE=driver reads the mock driver in this process (the engine alone); BENCH_SOURCE=spider
 * reads spider over gRPC at SPIDER_GRPC_ADDRESS (end to end). Prints `READY {"rest":...,"grpc":...}`, and stops
 * (dropping its database) on SIGTERM.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createMockDriver } from '@cb/driver-mock';
import { InProcessTransport } from '@cb/events';
import type { ServiceLogger } from '@cb/runtime';
import { createMcMeta, DriverMetadataSource, loadMcMetaConfig } from '@cb/mc-meta';
import { benchConnections } from './mcmeta-bench-catalog';

const quiet: ServiceLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: (object, message) => console.error(message, object),
  debug: () => undefined,
  child: () => quiet,
};

async function main(): Promise<void> {
  const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  // BENCH_KEEP_DATABASE=<name> keeps the loaded catalog after the run (for profiling its queries).
  const kept = process.env.BENCH_KEEP_DATABASE;
  const database = kept ?? `mcmeta_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const events = new InProcessTransport();
  const driver = createMockDriver();
  const source =
    process.env.BENCH_SOURCE === 'spider'
      ? undefined
      : new DriverMetadataSource(
          benchConnections(Number(process.env.BENCH_IMAGES ?? 20_000)).map((c) => ({
            name: c.name,
            provider: c.profile,
            region: c.region,
            driver,
            credential: Object.entries(c.credential).map(([Key, Value]) => ({ Key, Value })),
          })),
        );
  const config = loadMcMetaConfig({
    ...process.env,
    MCMETA_PORT: '0',
    MCMETA_GRPC_PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: url.toString(),
    MCMETA_USERNAME: 'bench',
    MCMETA_PASSWORD: 'bench',
    MCMETA_SYNC_INTERVAL_MINUTES: '0',
  });
  const service = await createMcMeta(config, { events, logger: quiet }, { source });
  await service.start();
  console.log(`READY ${JSON.stringify({ ...service.endpoints(), database })}`);

  const stop = async () => {
    await service.stop();
    await events.close();
    if (!kept) {
      const admin = new Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
    }
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
