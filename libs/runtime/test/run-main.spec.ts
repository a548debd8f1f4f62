import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { REPEATED_SIGNAL_MS } from '../src';

const fixture = join(__dirname, 'fixtures', 'run-main-process.ts');

/** The fixture under plain node with tsx's loader (no tsx parent process relaying signals). */
function run(startMs: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, String(startMs)], {
    cwd: join(__dirname, '..'),
  });
  let output = '';
  const waiters: Array<() => void> = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const check of waiters) check();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const printed = (text: string) =>
    new Promise<void>((resolve) => {
      const check = () => output.includes(text) && resolve();
      waiters.push(check);
      check();
    });
  return { child, exited, printed, output: () => output };
}

describe('runMain', () => {
  it('stops once on SIGINT, taking a copy of the signal that follows at once for the same Ctrl-C', async () => {
    const main = run(0);
    await main.printed('started');
    main.child.kill('SIGINT');
    await main.printed('stopping');
    main.child.kill('SIGINT'); // what a wrapper relaying the same Ctrl-C delivers
    expect(await main.exited).toBe(0);
    expect(main.output()).toContain('stopped');
    expect(main.output()).not.toContain('again');
  });

  it('exits at once on a second Ctrl-C while stopping', async () => {
    const main = run(0);
    await main.printed('started');
    main.child.kill('SIGINT');
    await main.printed('stopping');
    await sleep(REPEATED_SIGNAL_MS + 100);
    main.child.kill('SIGINT');
    expect(await main.exited).toBe(130);
    expect(main.output()).toContain('fixture: SIGINT again, exiting now');
    expect(main.output()).not.toContain('stopped');
  });

  it('exits with 130 on a signal during start-up, without waiting for it to finish', async () => {
    const main = run(60_000);
    // Give the fixture time to load and register its handlers.
    await sleep(1500);
    main.child.kill('SIGTERM');
    expect(await main.exited).toBe(130);
    expect(main.output()).toContain('fixture: SIGTERM while starting, exiting');
  });
});
