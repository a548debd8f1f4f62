import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { startNatsServer } from '@cb/runtime';
import { uniqueName } from '../src';
import { TEST_RUN_TAG } from '../src/env-keys';
import { deleteStreamsOfRun } from '../src/stream-cleanup';

describe('stream clean-up at the end of a test run', () => {
  it("removes this run's streams and leaves everyone else's, even ones made during the run", async () => {
    // A server of its own: on the shared one, this would remove streams other suites are using.
    const server = await startNatsServer();
    const nc = await connect({ servers: server.url });
    try {
      const jsm = await jetstreamManager(nc);
      const ours = [uniqueName('suite_a').toUpperCase(), uniqueName('suite_b')];
      const otherRun = 'SUITE_C_RUN0BADCAFE_MB1ZX2_0011AABB';
      // What a platform started beside the tests makes while the run is going on.
      const platform = 'CB_EVENTS';
      for (const [index, name] of [...ours, otherRun, platform].entries()) {
        await jsm.streams.add({ name, subjects: [`s${index}.>`] });
      }

      expect(await deleteStreamsOfRun(server.url, process.env[TEST_RUN_TAG]!)).toBe(2);

      const left: string[] = [];
      for await (const stream of jsm.streams.list()) left.push(stream.config.name);
      expect(left.sort()).toEqual([platform, otherRun].sort());
    } finally {
      await nc.close();
      await server.stop();
    }
  });
});
