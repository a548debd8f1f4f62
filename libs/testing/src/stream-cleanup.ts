import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

/**
 * Test suites make JetStream streams of their own (unique names) on the shared NATS server. The
 * global teardown removes the ones this run made, so a machine's NATS does not fill up run after run.
 * Streams older than the run (someone's platform, another run's) are left alone.
 */
export async function deleteStreamsCreatedSince(natsUrl: string, since: Date): Promise<number> {
  const nc = await connect({ servers: natsUrl });
  try {
    const jsm = await jetstreamManager(nc);
    const created: string[] = [];
    for await (const stream of jsm.streams.list()) {
      if (new Date(stream.created) >= since) created.push(stream.config.name);
    }
    await Promise.all(created.map((name) => jsm.streams.delete(name).catch(() => false)));
    return created.length;
  } finally {
    await nc.close();
  }
}
