import { testNatsUrl, uniqueName } from '@cb/testing';
import { JetStreamTransport } from '../src';
import { itBehavesLikeAListener, recordingLogger } from './listener-behaviour';
import { itBehavesLikeAnEventTransport } from './transport-behaviour';

describe('JetStreamTransport (real NATS JetStream)', () => {
  let transport: JetStreamTransport;
  let logged: ReturnType<typeof recordingLogger>;

  // A stream and subject prefix per test: new durable consumers start at the stream's beginning.
  beforeEach(async () => {
    const isolation = uniqueName('events');
    logged = recordingLogger();
    transport = await JetStreamTransport.connect(testNatsUrl(), {
      stream: isolation.toUpperCase(),
      subjectPrefix: `${isolation}.`,
      logger: logged.logger,
    });
  });
  afterEach(() => transport.close());

  itBehavesLikeAnEventTransport(
    () => transport,
    (name) => uniqueName(name),
  );

  describe('listen', () => {
    itBehavesLikeAListener(
      () => transport,
      () => logged,
    );
  });
});
