import { JetStreamTransport } from '@cb/events';
import { testNatsUrl, uniqueName } from '@cb/testing';

export interface TestEvents {
  transport: JetStreamTransport;
  close(): Promise<void>;
}

/** Real JetStream, with a stream and subject prefix of this suite's own so suites never see each other's events. */
export async function openTestEvents(): Promise<TestEvents> {
  const name = uniqueName('hub');
  const transport = await JetStreamTransport.connect(testNatsUrl(), {
    stream: name.toUpperCase(),
    subjectPrefix: `${name}.`,
    logger: { warn: () => undefined, error: () => undefined },
  });
  return { transport, close: () => transport.close() };
}
