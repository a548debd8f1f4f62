import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

/** The run tag as it appears in a stream name made from uniqueName (streams are often upper-cased). */
export function carriesRunTag(streamName: string, runTag: string): boolean {
  return streamName.toLowerCase().includes(`_${runTag.toLowerCase()}_`);
}

/**
 * Test suites make JetStream streams of their own (from uniqueName) on the shared NATS server. The
 * global teardown removes the ones carrying this run's tag, so a machine's NATS does not fill up run
 * after run. Every other stream is left alone: a platform's CB_EVENTS, another run's streams, even
 * when they were made while this run was going on.
 */
export async function deleteStreamsOfRun(natsUrl: string, runTag: string): Promise<number> {
  const nc = await connect({ servers: natsUrl });
  try {
    const jsm = await jetstreamManager(nc);
    const ours: string[] = [];
    for await (const stream of jsm.streams.list()) {
      if (carriesRunTag(stream.config.name, runTag)) ours.push(stream.config.name);
    }
    await Promise.all(ours.map((name) => jsm.streams.delete(name).catch(() => false)));
    return ours.length;
  } finally {
    await nc.close();
  }
}
