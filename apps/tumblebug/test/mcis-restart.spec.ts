import { freePort } from '@cb/runtime';
import { createTestDatabase, testNatsUrl, type TestDatabase } from '@cb/testing';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import {
  call,
  eventually,
  mcisReport,
  ok,
  prepareNamespace,
  startSpider,
  staticGroup,
  type SpiderUnderTest,
} from './mcis-harness';

jest.setTimeout(600_000);

const ROOT = resolve(__dirname, '../../..');
const NS = 'restart';
const CONNS = ['mock-r1', 'mock-r2'];
const TOTAL = 200;

/**
 * tumblebug as its own process (main.ts), SIGKILLed in the middle of a 200-VM creation and started
 * again on the same database: the creation resumes from the database and adopts what spider already
 * made, so the MCIS converges to 200 Running VMs and spider holds exactly 200.
 */
describe('MCIS creation survives SIGKILL of tumblebug', () => {
  let spider: SpiderUnderTest;
  let db: TestDatabase;
  let child: ChildProcess | undefined;
  let tb: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    spider = await startSpider();
    // Slow cloud calls keep the creation running long enough to be interrupted.
    for (const conn of CONNS) await spider.connect(conn, 'default', { LatencyMs: '150' });
    db = await createTestDatabase('mcis_restart');
    const port = await freePort();
    tb = `http://127.0.0.1:${port}/tumblebug`;
    env = {
      ...process.env,
      TB_PORT: String(port),
      TB_GRPC_PORT: String(await freePort()),
      HOST: '127.0.0.1',
      DATABASE_URL: db.url,
      SPIDER_GRPC_ADDRESS: spider.grpc,
      CB_SECRET_KEY: randomBytes(32).toString('base64'),
      NATS_URL: testNatsUrl(),
      ...spider.eventStreamEnv,
      TB_MCIS_STATUS_TICK_MS: '300',
      TB_MCIS_WORK_TICK_MS: '100',
      TB_MCIS_SETTLED_POLL_MS: '2000',
      OTEL_SDK_DISABLED: 'true',
    };
    child = await startChild(env, tb);
    await prepareNamespace(tb, NS, CONNS);
  });

  afterAll(async () => {
    if (child) await stopChild(child);
    await spider?.stop();
    await db?.drop();
  });

  const vmsInSpider = async () => (await Promise.all(CONNS.map((c) => spider.vmNames(c)))).flat();

  it('converges to all VMs Running with exactly 200 VMs in spider', async () => {
    const groups = CONNS.flatMap((conn, i) => [
      staticGroup(conn, `g${2 * i + 1}`, TOTAL / 4),
      staticGroup(conn, `g${2 * i + 2}`, TOTAL / 4),
    ]);
    await ok(call(tb, 'POST', `/ns/${NS}/mci`, { name: 'big', subGroups: groups }));
    const partly = await eventually(vmsInSpider, (names) => names.length >= 20, 600);
    const killed = child!;
    killed.kill('SIGKILL');
    const [, signal] = await new Promise<[number | null, string | null]>((done) =>
      killed.once('exit', (code, sig) => done([code, sig])),
    );
    expect(signal).toBe('SIGKILL'); // tumblebug's own process died (not a wrapper around it)
    expect(() => process.kill(killed.pid!, 0)).toThrow();
    expect(partly.length).toBeLessThan(TOTAL); // interrupted mid-creation

    child = await startChild(env, tb);
    const status = await eventually(
      async () => (await ok(call(tb, 'GET', `/ns/${NS}/mci/big?option=status`))).status,
      (s) => s.status === `Running:${TOTAL} (R:${TOTAL}/${TOTAL})`,
      1500,
    );
    expect(status.status).toBe(`Running:${TOTAL} (R:${TOTAL}/${TOTAL})`);
    const names = await vmsInSpider();
    expect(names).toHaveLength(TOTAL);
    expect(new Set(names).size).toBe(TOTAL);
    for (const conn of CONNS) expect(await spider.cloudOnlyVms(conn)).toEqual([]); // no orphan in the cloud
    const assoc = await ok(call(tb, 'GET', `/ns/${NS}/mci/big/associatedResources`));
    expect([...assoc.cspVmNames].sort()).toEqual([...names].sort());
  });

  it('terminates and deletes the MCIS, leaving nothing in spider', async () => {
    // 200 terminates at the provider's default 10 calls/s: 20 s, or more than the 2 min the DELETE waits
    // (then 202) on a host busy with other work; either way the MCIS goes once every VM is Terminated.
    const answer = await call(tb, 'DELETE', `/ns/${NS}/mci/big?option=terminate`);
    expect([200, 202]).toContain(answer.status);
    const gone = await eventually(
      () => call(tb, 'GET', `/ns/${NS}/mci/big`),
      (reply) => reply.status === 404,
      900,
    );
    if (gone.status !== 404) console.error(await mcisReport(tb, NS, 'big'));
    expect(gone.status).toBe(404);
    expect(await vmsInSpider()).toEqual([]);
    for (const conn of CONNS) expect(await spider.cloudOnlyVms(conn)).toEqual([]);
  });
});

/** SIGTERM, and SIGKILL when it has not exited 15 s later: the suite never leaves tumblebug running. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(force);
}

/**
 * main.ts in a node process of its own, with tsx as a loader (the tsx command line would run it in a
 * child process, and a SIGKILL of the command would leave tumblebug running).
 */
async function startChild(env: NodeJS.ProcessEnv, tb: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'apps/tumblebug/src/main.ts')], {
    cwd: ROOT,
    env: { ...env, TSX_TSCONFIG_PATH: resolve(ROOT, 'tsconfig.json') },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const ready = await eventually(
    async () => {
      if (child.exitCode !== null) return 'exited';
      return fetch(`${tb}/readyz`).then(
        (r) => (r.ok ? 'ready' : 'waiting'),
        () => 'waiting',
      );
    },
    (state) => state !== 'waiting',
    300,
  );
  if (ready !== 'ready') throw new Error(`tumblebug did not start: ${stderr}`);
  return child;
}
