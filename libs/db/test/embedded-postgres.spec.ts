import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { uniqueName } from '@cb/testing';
import { Client } from 'pg';

const fixture = join(__dirname, 'fixtures', 'embedded-postgres-process.ts');

interface Launcher {
  child: ChildProcessWithoutNullStreams;
  url: string;
  lines: AsyncIterator<string>;
}

/** `ownGroup`: the launcher leads a process group of its own, as `npm start` does in a terminal. */
async function launch(dataDir: string, persistent = true, ownGroup = false): Promise<Launcher> {
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), fixture, dataDir, String(persistent)], {
    detached: ownGroup,
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done) throw new Error(`launcher exited before the server was up: ${stderr}`);
  return { child, url: (JSON.parse(first.value) as { url: string }).url, lines };
}

async function stopGracefully(launcher: Launcher): Promise<void> {
  const exited = new Promise((resolve) => launcher.child.once('exit', resolve));
  launcher.child.stdin.write('stop\n');
  let line = await launcher.lines.next();
  // tsx relays a signal to the launcher too when the launcher does not confirm it in time.
  while (line.value === 'sigint') line = await launcher.lines.next();
  expect(line.value).toBe('stopped');
  await exited;
}

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

function postmasterPid(dataDir: string): number {
  return Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntilGone(pid: number): Promise<void> {
  while (isAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 100));
}

// Each case runs initdb and starts servers in child processes: allow more than jest's default.
const SLOW = 120_000;

describe('startEmbeddedPostgres', () => {
  const dataDir = join(tmpdir(), uniqueName('cb_embedded_pg'));
  const launched: Launcher[] = [];

  afterAll(() => {
    for (const { child } of launched) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'keeps data across a stop and a second start on the same directory, leaving no server behind',
    async () => {
      const first = await launch(dataDir);
      launched.push(first);
      await query(first.url, "CREATE TABLE drivers (name text); INSERT INTO drivers VALUES ('aws-driver')");
      const pid = postmasterPid(dataDir);
      await stopGracefully(first);
      expect(isAlive(pid)).toBe(false);

      const second = await launch(dataDir);
      launched.push(second);
      expect(await query(second.url, 'SELECT name FROM drivers')).toEqual([{ name: 'aws-driver' }]);
      await stopGracefully(second);
    },
    SLOW,
  );

  it(
    'recovers the directory after its launcher was killed, shutting down the orphaned server',
    async () => {
      const crashed = await launch(dataDir);
      launched.push(crashed);
      const orphan = postmasterPid(dataDir);
      const killed = new Promise((resolve) => crashed.child.once('exit', resolve));
      crashed.child.kill('SIGKILL');
      await killed;
      expect(isAlive(orphan)).toBe(true);

      const next = await launch(dataDir);
      launched.push(next);
      expect(isAlive(orphan)).toBe(false);
      expect(await query(next.url, 'SELECT name FROM drivers')).toEqual([{ name: 'aws-driver' }]);
      await stopGracefully(next);
    },
    SLOW,
  );

  it(
    "outlives a Ctrl-C to its launcher's process group until the launcher stops it",
    async () => {
      const launcher = await launch(dataDir, true, true);
      launched.push(launcher);
      const pid = postmasterPid(dataDir);
      // What a terminal does on Ctrl-C: SIGINT to every process of the foreground group.
      process.kill(-launcher.child.pid!, 'SIGINT');
      expect((await launcher.lines.next()).value).toBe('sigint');
      // The launcher is still shutting down its services: the database must still be there.
      expect(await query(launcher.url, 'SELECT name FROM drivers')).toEqual([{ name: 'aws-driver' }]);
      await stopGracefully(launcher);
      expect(isAlive(pid)).toBe(false);
    },
    SLOW,
  );

  it(
    'stops the server when its launcher exits without stopping it',
    async () => {
      const launcher = await launch(dataDir);
      launched.push(launcher);
      const pid = postmasterPid(dataDir);
      const exited = new Promise((resolve) => launcher.child.once('exit', resolve));
      launcher.child.stdin.write('exit\n');
      await exited;
      await waitUntilGone(pid); // bounded by the test's timeout
      expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
    },
    SLOW,
  );

  it(
    'deletes a non-persistent data directory on stop',
    async () => {
      const scratchDir = join(tmpdir(), uniqueName('cb_embedded_pg_scratch'));
      const scratch = await launch(scratchDir, false);
      launched.push(scratch);
      expect(await query(scratch.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
      await stopGracefully(scratch);
      expect(existsSync(scratchDir)).toBe(false);
    },
    SLOW,
  );
});
