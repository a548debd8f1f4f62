import { NotFoundError, UnavailableError } from '@cb/errors';
import { createGrpcServer } from '../src';
import { echoHarness, SLOW_TEST_MS } from './echo-harness';

describe('retries of UNAVAILABLE', () => {
  const harness = echoHarness();

  /** An Echo that fails its first `failures` calls with `error()`, counting every call. */
  function failingFirst(failures: number, error: () => Error) {
    const state = { calls: 0 };
    const echo = async ({ text }: { text: string }) => {
      state.calls++;
      if (state.calls <= failures) throw error();
      return { text };
    };
    return { state, echo };
  }

  it('retries a unary call until the server answers', async () => {
    const { state, echo } = failingFirst(2, () => new UnavailableError('warming up'));
    const { address } = await harness.serve({ echo });
    const retried: number[] = [];
    const client = harness.connect(address, {
      retries: 3,
      backoffMs: 10,
      onRetry: ({ attempt }) => void retried.push(attempt),
    });
    await expect(client.echo({ text: 'third time lucky' })).resolves.toMatchObject({ text: 'third time lucky' });
    expect(state.calls).toBe(3);
    expect(retried).toEqual([1, 2]);
  });

  it('gives up with UnavailableError after the configured retries', async () => {
    const { state, echo } = failingFirst(100, () => new UnavailableError('still down'));
    const { address } = await harness.serve({ echo });
    const client = harness.connect(address, { retries: 3, backoffMs: 10 });
    const failure = client.echo({ text: 'x' });
    await expect(failure).rejects.toBeInstanceOf(UnavailableError);
    await expect(failure).rejects.toThrow('still down');
    expect(state.calls).toBe(4);
  });

  it('does not retry other errors', async () => {
    const { state, echo } = failingFirst(100, () => new NotFoundError('no such thing'));
    const { address } = await harness.serve({ echo });
    const client = harness.connect(address, { retries: 3, backoffMs: 10 });
    await expect(client.echo({ text: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    expect(state.calls).toBe(1);
  });

  it(
    'reaches a server that starts listening after the first attempt failed',
    async () => {
      const port = await freePort();
      let serverStarting: Promise<unknown> | undefined;
      const client = harness.connect(`127.0.0.1:${port}`, {
        retries: 8,
        backoffMs: 100,
        onRetry: () => {
          serverStarting ??= harness.serve({}, {}, `127.0.0.1:${port}`);
        },
      });
      await expect(client.echo({ text: 'are you there?' })).resolves.toMatchObject({ text: 'are you there?' });
      expect(serverStarting).toBeDefined(); // the first attempt did find nobody listening
    },
    SLOW_TEST_MS,
  );
});

/** A port nobody listens on right now: bind one, then let it go. */
async function freePort(): Promise<number> {
  const server = createGrpcServer();
  const port = await server.start('127.0.0.1:0');
  await server.stop(0);
  return port;
}
