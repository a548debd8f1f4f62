/*
 * The events outbox relay's throughput: 2,000 events committed in one transaction, then drained by a fresh relay
 * to NATS JetStream (PubAck per event, in order); five runs, the median printed.
 *   npx tsx tools/bench/outbox-relay.ts   (BENCH_POSTGRES_URL, BENCH_NATS_URL: the local servers by default)
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDataSource, runMigrations } from '@cb/db';
import {
  CreateOutboxEvents1767225600000,
  enqueueEvent,
  JetStreamTransport,
  OutboxEventEntity,
  OutboxRelay,
} from '@cb/events';

const EVENTS = 2_000;
const RUNS = 5;

async function main() {
  const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `bench_outbox_${randomBytes(4).toString('hex')}`;
  const admin = new Client(adminUrl);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const ds = await createDataSource({
    url: url.toString(),
    entities: [OutboxEventEntity],
    migrations: [CreateOutboxEvents1767225600000],
    logging: false,
  }).initialize();
  const transport = await JetStreamTransport.connect(process.env.BENCH_NATS_URL ?? 'nats://127.0.0.1:4222', {
    stream: name.toUpperCase(),
    subjectPrefix: `${name}.`,
  });
  try {
    await runMigrations(ds);
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await ds.transaction(async (em) => {
        for (let i = 0; i < EVENTS; i++) {
          await enqueueEvent(em, 'cb.spider.connection.registered', {
            configName: `bench-${run}-${i}`,
            providerName: 'MOCK',
          });
        }
      });
      const started = performance.now();
      const published = await new OutboxRelay(ds, transport, { keepPublishedMs: 0 }).flush();
      times.push(performance.now() - started);
      if (published !== EVENTS) throw new Error(`published ${published} of ${EVENTS}`);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(RUNS / 2)];
    console.log(
      `outbox relay: ${EVENTS} events drained in ${median.toFixed(0)} ms (median of ${RUNS}: ${sorted.map((t) => t.toFixed(0)).join(', ')} ms)`,
    );
    console.log(`  ${((EVENTS / median) * 1000).toFixed(0)} events/s`);
  } finally {
    await transport.close();
    await ds.destroy();
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
