import { JetStreamTransport, type EventTransport } from '@cb/events';
import { testNatsUrl, uniqueName } from '@cb/testing';

export interface TestEvents {
  transport: EventTransport;
  close(): Promise<void>;
}

/** A real JetStream transport on the test NATS server, with its own stream and subject prefix. */
export async function connectTestEvents(name: string): Promise<TestEvents> {
  const unique = uniqueName(name);
  const transport = await JetStreamTransport.connect(testNatsUrl(), {
    stream: unique.toUpperCase(),
    subjectPrefix: `${unique}.`,
  });
  return { transport, close: () => transport.close() };
}
