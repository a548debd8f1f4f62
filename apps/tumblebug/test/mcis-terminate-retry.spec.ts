import { Client } from 'pg';
import {
  call,
  eventually,
  ok,
  type SpiderUnderTest,
  startMcisPlatform,
  staticGroup,
  type TumblebugUnderTest,
} from './mcis-harness';

jest.setTimeout(120_000);

const NS = 'retryns';
const CONN = 'flaky-terminate';
const MAX_ATTEMPTS = 2;

/**
 * A cloud whose terminates keep failing transiently: the terminate the user asked for goes on past
 * TB_MCIS_MAX_ATTEMPTS (giving up would leave the VM running and the MCIS waiting for it), until the user
 * forces the deletion, which drops the MCIS once its terminate was tried.
 */
describe('a terminate that keeps failing transiently', () => {
  let spider: SpiderUnderTest;
  let tumblebug: TumblebugUnderTest;
  let sql: Client;
  let tb: string;

  beforeAll(async () => {
    ({ spider, tumblebug, tb } = await startMcisPlatform(
      NS,
      [[CONN, 'default', { FailOps: 'terminateVM:TRANSIENT' }]],
      {
        TB_MCIS_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
        TB_MCIS_BACKOFF_BASE_MS: '20',
        TB_MCIS_BACKOFF_MAX_MS: '100',
        TB_MCIS_WORK_TICK_MS: '50',
        TB_MCIS_STATUS_TICK_MS: '200',
        TB_MCIS_WAIT_TIMEOUT_MS: '1000',
      },
    ));
    sql = new Client(tumblebug.db.url);
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await tumblebug?.stop();
    await spider?.stop();
  });

  const owed = async () =>
    (
      await sql.query(
        `SELECT pending_action, attempts, system_message FROM mcis_vms WHERE ns_id = $1 AND mcis_id = 'm1'`,
        [NS],
      )
    ).rows[0] as { pending_action: string; attempts: number; system_message: string } | undefined;

  it('is tried again past the attempt limit, and the MCIS stays while the VM is in the cloud', async () => {
    await ok(call(tb, 'POST', `/ns/${NS}/mci`, { name: 'm1', subGroups: [staticGroup(CONN, 'g1', 1)] }));
    const running = await eventually(
      async () => (await ok(call(tb, 'GET', `/ns/${NS}/mci/m1?option=status`))).status,
      (s) => s.status === 'Running:1 (R:1/1)',
    );
    expect(running.status).toBe('Running:1 (R:1/1)');

    expect((await call(tb, 'DELETE', `/ns/${NS}/mci/m1?option=terminate`)).status).toBe(202);
    const retried = await eventually(owed, (vm) => (vm?.attempts ?? 0) >= MAX_ATTEMPTS + 3);
    expect(retried).toMatchObject({ pending_action: 'Terminate' });
    expect(retried!.attempts).toBeGreaterThanOrEqual(MAX_ATTEMPTS + 3);
    expect(retried!.system_message).toMatch(/terminateVM/);
    expect((await call(tb, 'GET', `/ns/${NS}/mci/m1`)).status).toBe(200);
    expect(await spider.vmNames(CONN)).toHaveLength(1);
  });

  it('is given up when the deletion is forced, and the MCIS goes', async () => {
    expect([200, 202]).toContain((await call(tb, 'DELETE', `/ns/${NS}/mci/m1?option=force`)).status);
    const gone = await eventually(
      () => call(tb, 'GET', `/ns/${NS}/mci/m1`),
      (reply) => reply.status === 404,
    );
    expect(gone.status).toBe(404);
  });
});
