import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { testNatsUrl, uniqueName } from '@cb/testing';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { JetStreamTransport } from '../src';
import { inbox, vmCreated } from './transport-behaviour';

/** The shortest threshold allowed, so that the server's clean-up happens within a test. */
const INACTIVE_MS = 3000;

describe('JetStream listeners leave no consumer behind (real NATS JetStream)', () => {
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let stream: string;
  let prefix: string;
  let transport: JetStreamTransport;
  let warnings: string[];

  beforeAll(async () => {
    nc = await connect({ servers: testNatsUrl() });
    jsm = await jetstreamManager(nc);
  });
  afterAll(() => nc.close());

  beforeEach(async () => {
    const isolation = uniqueName('listen');
    stream = isolation.toUpperCase();
    prefix = `${isolation}.`;
    warnings = [];
    transport = await JetStreamTransport.connect(testNatsUrl(), {
      stream,
      subjectPrefix: prefix,
      listenerInactiveMs: INACTIVE_MS,
      logger: { warn: (_details, message) => warnings.push(message), error: () => undefined },
    });
  });
  afterEach(async () => {
    await transport.close();
    await jsm.streams.delete(stream).catch(() => false);
  });

  async function consumerNames(): Promise<string[]> {
    return (await jsm.consumers.list(stream).next()).map((info) => info.name);
  }

  /** Polls the server until `done` holds; jest's timeout bounds the wait. */
  async function eventually(done: () => Promise<boolean>): Promise<void> {
    while (!(await done())) await sleep(250);
  }

  it('deletes its consumer from the stream when it stops, and when the transport closes', async () => {
    const stopped = await transport.listen('console', ['cb.>'], async () => undefined);
    await transport.listen('spider-cache', ['cb.spider.>'], async () => undefined);
    const names = await consumerNames();
    expect(names).toHaveLength(2);
    expect(names.some((name) => name.startsWith('console-'))).toBe(true);

    await stopped.stop();
    expect((await consumerNames()).map((name) => name.split('-')[0])).toEqual(['spider']);
    await transport.close();
    expect(await consumerNames()).toEqual([]);
  });

  it('leaves nothing behind once a killed process has been gone for the inactive threshold', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(__dirname, 'fixtures/listening-process.ts'),
        testNatsUrl(),
        stream,
        prefix,
        `${INACTIVE_MS}`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = once(child, 'exit');
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('listening') && resolve());
      child.once('exit', (code) => reject(new Error(`listening process exited early (${code})`)));
    });
    expect(await consumerNames()).toEqual([expect.stringMatching(/^doomed-process-/)]);

    child.kill('SIGKILL');
    await exited;
    await eventually(async () => (await consumerNames()).length === 0);
    expect(await consumerNames()).toEqual([]);
  });

  it('keeps a quiet listener that is still running past the inactive threshold', async () => {
    const received = inbox();
    const sub = await transport.listen('quiet', ['cb.spider.vm.created'], received.handler);
    const [name] = await consumerNames();
    await sleep(INACTIVE_MS * 2);
    const event = vmCreated('vm-after-silence');
    await transport.publish(event);
    await received.has(event.id);
    expect(await consumerNames()).toEqual([name]);
    await sub.stop();
  });

  it('makes a new consumer without missing an event when the server drops its consumer', async () => {
    const received = inbox();
    const sub = await transport.listen('resilient', ['cb.spider.vm.created'], received.handler);
    const first = vmCreated('vm-first');
    await transport.publish(first);
    await received.has(first.id);

    const [lost] = await consumerNames();
    await jsm.consumers.delete(stream, lost);
    const whileGone = vmCreated('vm-while-consumer-gone');
    await transport.publish(whileGone);
    await received.has(whileGone.id);
    const [replacement] = await consumerNames();
    await sub.stop();

    expect(replacement).not.toBe(lost);
    expect(warnings).toContain('event listener lost its consumer; making a new one');
    expect(received.events.map((e) => e.id)).toEqual([first.id, whileGone.id]);
  });
});
