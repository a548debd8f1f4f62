import { AppError, ConflictError, InvalidArgumentError, NotFoundError, ThrottledError, TimeoutError } from '@cb/errors';
import { echoHarness } from './echo-harness';

describe('errors across gRPC', () => {
  const harness = echoHarness();

  it('turns a domain error into its gRPC status and back into the same domain error', async () => {
    const { address } = await harness.serve({
      echo: async ({ text }) => {
        throw new NotFoundError(`VPC '${text}' does not exist`, { field: 'Name' });
      },
    });
    const failure = harness.connect(address).echo({ text: 'vpc-01' });
    await expect(failure).rejects.toBeInstanceOf(NotFoundError);
    await expect(failure).rejects.toMatchObject({ message: "VPC 'vpc-01' does not exist", details: { field: 'Name' } });
  });

  it('keeps the field of an invalid argument and the pause of a throttle', async () => {
    const errors = [
      new InvalidArgumentError('CIDR is malformed', { field: 'IPv4_CIDR' }),
      new ThrottledError('slow down', 1500),
    ];
    const { address } = await harness.serve({
      echo: async () => {
        throw errors.shift();
      },
    });
    const client = harness.connect(address);
    await expect(client.echo({})).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'CIDR is malformed',
      details: { field: 'IPv4_CIDR' },
    });
    const throttled = await client.echo({}).catch((error: unknown) => error);
    expect(throttled).toBeInstanceOf(ThrottledError);
    expect((throttled as ThrottledError).retryAfterMs).toBe(1500);
  });

  it('ends a stream with the domain error its generator throws', async () => {
    const { address } = await harness.serve({
      count: async function* () {
        yield { number: 1 };
        yield { number: 2 };
        throw new ConflictError('the catalog changed while it was read');
      },
    });
    const received: number[] = [];
    const reading = (async () => {
      for await (const { number } of harness.connect(address).count({ count: 3 })) received.push(number);
    })();
    await expect(reading).rejects.toBeInstanceOf(ConflictError);
    await expect(reading).rejects.toThrow('the catalog changed while it was read');
    expect(received).toEqual([1, 2]);
  });

  it('answers an unexpected failure with INTERNAL and keeps its details inside the server', async () => {
    const seen: { error: unknown; path: string }[] = [];
    const { address } = await harness.serve(
      {
        echo: async () => {
          throw new Error('connect ECONNREFUSED db-password=hunter2');
        },
      },
      { onInternalError: (error, path) => seen.push({ error, path }) },
    );
    const failure = await harness
      .connect(address)
      .echo({ text: 'x' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('INTERNAL');
    expect((failure as AppError).message).toBe('Internal error');
    expect(JSON.stringify({ ...(failure as AppError), message: (failure as AppError).message })).not.toContain(
      'hunter2',
    );
    expect(seen).toHaveLength(1);
    expect(seen[0].path).toBe('/cb.testkit.v1.EchoService/Echo');
    expect(String(seen[0].error)).toContain('hunter2');
  });

  it('fails with TimeoutError when the deadline passes, and tells the handler to stop', async () => {
    let handlerAborted!: () => void;
    const handlerSawAbort = new Promise<void>((resolve) => (handlerAborted = resolve));
    const { address } = await harness.serve({
      echo: (_request, ctx) =>
        new Promise((resolve) => {
          ctx.signal.addEventListener('abort', () => {
            handlerAborted();
            resolve({ text: 'too late' });
          });
        }),
    });
    const client = harness.connect(address, { deadlineMs: 60_000 });
    await expect(client.echo({ text: 'slow' }, { deadlineMs: 50 })).rejects.toBeInstanceOf(TimeoutError);
    await handlerSawAbort;
  });
});
