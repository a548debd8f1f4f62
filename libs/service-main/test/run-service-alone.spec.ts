import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { testNatsUrl, uniqueName } from '@cb/testing';

const root = join(__dirname, '../../..');
const fixture = join(__dirname, 'fixtures/hello-service-main.ts');

/** A stream of the test's own on the shared NATS server, never the platform's CB_EVENTS. */
function isolatedStream() {
  const name = uniqueName('service_main');
  return { CB_EVENTS_STREAM: name.toUpperCase(), CB_EVENTS_SUBJECT_PREFIX: `${name}.` };
}

async function streamSubjects(stream: string): Promise<string[] | undefined> {
  const nc = await connect({ servers: testNatsUrl() });
  try {
    const jsm = await jetstreamManager(nc);
    return await jsm.streams.info(stream).then(
      (info) => info.config.subjects,
      () => undefined,
    );
  } finally {
    await nc.close();
  }
}

function runFixture(env: NodeJS.ProcessEnv) {
  const child = spawn(join(root, 'node_modules/.bin/tsx'), ['--tsconfig', join(root, 'tsconfig.json'), fixture], {
    env: { ...process.env, NATS_URL: testNatsUrl(), ...isolatedStream(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, exited, output: () => output };
}

async function waitFor(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`never saw: ${what}`);
}

describe('runServiceAlone', () => {
  it('starts the service with events, logs where it listens, and stops cleanly on SIGTERM', async () => {
    const run = runFixture({});
    await waitFor(() => run.output().includes('hello started'), 'hello started');
    const url = /"rest":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(run.output())?.[1];
    expect(url).toBeDefined();
    expect(await (await fetch(url as string)).text()).toBe('hello');
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('hello stopping');
  }, 60_000);

  it('keeps its events in the stream CB_EVENTS_STREAM / CB_EVENTS_SUBJECT_PREFIX name', async () => {
    const stream = isolatedStream();
    const run = runFixture(stream);
    await waitFor(() => run.output().includes('hello started'), 'hello started');
    expect(await streamSubjects(stream.CB_EVENTS_STREAM)).toEqual([`${stream.CB_EVENTS_SUBJECT_PREFIX}cb.>`]);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  }, 60_000);

  it('refuses a bad stream name, naming the variable', async () => {
    const run = runFixture({ CB_EVENTS_STREAM: 'has.dots' });
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain('CB_EVENTS_STREAM: must be 1-64 letters');
  }, 60_000);

  it('turns a configuration error into one message and exit code 2', async () => {
    const run = runFixture({ HELLO_FAIL: '1' });
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain('hello: invalid configuration');
    expect(run.output()).toContain('HELLO_PORT: must be a port');
  }, 60_000);
});
