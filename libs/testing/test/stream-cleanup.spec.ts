import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { startNatsServer } from '@cb/runtime';
import { deleteStreamsCreatedSince } from '../src/stream-cleanup';

describe('stream clean-up at the end of a test run', () => {
  it('removes the streams made since the run began and leaves older ones', async () => {
    // A server of its own: on the shared one, this would remove streams other suites are using.
    const server = await startNatsServer();
    const nc = await connect({ servers: server.url });
    try {
      const jsm = await jetstreamManager(nc);
      await jsm.streams.add({ name: 'OLDER', subjects: ['older.>'] });
      await new Promise((resolve) => setTimeout(resolve, 20));
      const runStarted = new Date();
      await new Promise((resolve) => setTimeout(resolve, 20));
      await jsm.streams.add({ name: 'MADE_BY_RUN_A', subjects: ['a.>'] });
      await jsm.streams.add({ name: 'MADE_BY_RUN_B', subjects: ['b.>'] });

      expect(await deleteStreamsCreatedSince(server.url, runStarted)).toBe(2);

      const left: string[] = [];
      for await (const stream of jsm.streams.list()) left.push(stream.config.name);
      expect(left).toEqual(['OLDER']);
    } finally {
      await nc.close();
      await server.stop();
    }
  });
});
