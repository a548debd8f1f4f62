import { AppError } from '@cb/errors';
import { createGrpcServer } from '../src';
import { echoHarness, echoImpl, EchoService } from './echo-harness';

describe('server lifecycle', () => {
  const harness = echoHarness();

  /** An Echo that holds each call until the test lets it go. */
  function heldEcho() {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let arrived!: () => void;
    const callArrived = new Promise<void>((resolve) => (arrived = resolve));
    const echo = async ({ text }: { text: string }) => {
      arrived();
      await released;
      return { text };
    };
    return { echo, release, callArrived };
  }

  it('lets a call in flight finish within the grace period', async () => {
    const { echo, release, callArrived } = heldEcho();
    const { server, address } = await harness.serve({ echo });
    const client = harness.connect(address);
    const answer = client.echo({ text: 'finish me' });
    await callArrived;
    const stopping = server.stop(60_000);
    release();
    await expect(answer).resolves.toMatchObject({ text: 'finish me' });
    await stopping;
  });

  it('cuts calls still running when the grace period is over', async () => {
    const { echo, callArrived } = heldEcho();
    const { server, address } = await harness.serve({ echo });
    const answer = harness.connect(address, { retries: 0 }).echo({ text: 'never answered' });
    await callArrived;
    await server.stop(50);
    await expect(answer).rejects.toBeInstanceOf(AppError);
  });

  it('refuses services added after start, since reflection is already built', async () => {
    const server = createGrpcServer();
    await server.start('127.0.0.1:0');
    try {
      expect(() => server.addService(EchoService, echoImpl)).toThrow('before start()');
    } finally {
      await server.stop(0);
    }
  });

  it('refuses an implementation that misses a method', () => {
    const { echo } = echoImpl;
    expect(() => createGrpcServer().addService(EchoService, { echo } as typeof echoImpl)).toThrow(
      "no handler for method 'count'",
    );
  });
});
