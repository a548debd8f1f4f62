import { uniqueName } from '@cb/testing';
import { InProcessTransport } from '../src';
import { itBehavesLikeAListener, recordingLogger } from './listener-behaviour';
import { itBehavesLikeAnEventTransport } from './transport-behaviour';

describe('InProcessTransport', () => {
  let transport: InProcessTransport;
  let logged: ReturnType<typeof recordingLogger>;
  beforeEach(() => {
    logged = recordingLogger();
    transport = new InProcessTransport({ logger: logged.logger });
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
