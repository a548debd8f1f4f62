import { echoHarness, SLOW_TEST_MS } from './echo-harness';

describe('calls between a protobuf-es server and client over real gRPC', () => {
  const harness = echoHarness();

  it('answers a unary call', async () => {
    const { address } = await harness.serve();
    const client = harness.connect(address);
    const response = await client.echo({ text: 'hello, cloud' });
    expect(response.text).toBe('hello, cloud');
    expect(response.$typeName).toBe('cb.testkit.v1.EchoResponse');
  });

  it(
    'streams 10,000 messages in order',
    async () => {
      const { address } = await harness.serve();
      const client = harness.connect(address);
      const numbers: number[] = [];
      for await (const { number } of client.count({ count: 10_000 })) numbers.push(number);
      expect(numbers).toHaveLength(10_000);
      expect(numbers.every((number, index) => number === index + 1)).toBe(true);
    },
    SLOW_TEST_MS,
  );

  it('adds up a client stream', async () => {
    const { address } = await harness.serve();
    const client = harness.connect(address);
    async function* numbers() {
      for (let number = 1n; number <= 1000n; number++) yield { number };
    }
    const { total } = await client.sum(numbers());
    expect(total).toBe(500_500n);
  });

  it('answers each message of a bidirectional stream', async () => {
    const { address } = await harness.serve();
    const client = harness.connect(address);
    const answers: string[] = [];
    for await (const { text } of client.chat([{ text: 'a' }, { text: 'b' }, { text: 'c' }])) answers.push(text);
    expect(answers).toEqual(['re: a', 're: b', 're: c']);
  });

  it('stops the server generator when the caller leaves the stream early', async () => {
    let stopped!: (aborted: boolean) => void;
    const generatorStopped = new Promise<boolean>((resolve) => (stopped = resolve));
    const { address } = await harness.serve({
      count: async function* (_request, ctx) {
        try {
          for (let number = 1; ; number++) yield { number }; // endless unless cancelled
        } finally {
          stopped(ctx.signal.aborted);
        }
      },
    });
    const client = harness.connect(address);
    const received: number[] = [];
    for await (const { number } of client.count({ count: 0 })) {
      received.push(number);
      if (received.length === 5) break;
    }
    expect(received).toEqual([1, 2, 3, 4, 5]);
    await expect(generatorStopped).resolves.toBe(true);
  });

  it(
    'stops producing while the caller is not reading (backpressure)',
    async () => {
      const total = 20_000;
      let produced = 0;
      const { address } = await harness.serve({
        count: async function* () {
          for (let number = 1; number <= total; number++) {
            produced = number;
            yield { number };
          }
        },
      });
      const client = harness.connect(address);
      // No deadline: the test pauses the reader on purpose, and a busy machine may take a while to drain.
      const responses = client.count({ count: total }, { deadlineMs: Infinity })[Symbol.asyncIterator]();
      expect((await responses.next()).value?.number).toBe(1);

      // The caller reads nothing more: the server must come to rest well before the end.
      await untilStable(() => produced);
      expect(produced).toBeLessThan(total);

      let last = 1;
      for (let next = await responses.next(); !next.done; next = await responses.next()) {
        expect(next.value.number).toBe(last + 1);
        last = next.value.number;
      }
      expect(last).toBe(total);
    },
    SLOW_TEST_MS,
  );
});

/** Resolves once `read()` gives the same value on consecutive polls. */
async function untilStable(read: () => number): Promise<void> {
  let previous = -1;
  while (read() !== previous) {
    previous = read();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
