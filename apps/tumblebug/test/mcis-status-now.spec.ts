import type { DataSource } from 'typeorm';
import { createTumblebugDataSource } from '../src/store/data-source';
import {
  call,
  eventually,
  ok,
  prepareNamespace,
  startSpider,
  startTumblebug,
  staticGroup,
  type SpiderUnderTest,
  type TumblebugUnderTest,
} from './mcis-harness';

jest.setTimeout(120_000);

const NS = 'nowns';
const CONN = 'now-a';

/**
 * The status agent writes a VM's new status first and settles its MCIS (the stored, announced status) a
 * moment later. A GET in between must not show the VM Suspended inside an MCIS still Running: the MCIS's
 * status is answered from the VM rows the same answer shows.
 */
describe('MCIS status between a VM change and the settle', () => {
  let spider: SpiderUnderTest;
  let tumblebug: TumblebugUnderTest;
  let ds: DataSource;

  beforeAll(async () => {
    spider = await startSpider();
    await spider.connect(CONN, 'default');
    // Settled VMs are not polled again during the test, so nothing settles the MCIS behind its back.
    tumblebug = await startTumblebug(spider, { TB_MCIS_SETTLED_POLL_MS: '600000' });
    await prepareNamespace(tumblebug.rest, NS, [CONN]);
    ds = createTumblebugDataSource(tumblebug.db.url);
    await ds.initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    await tumblebug?.stop();
    await spider?.stop();
  });

  it('answers the status its VM rows show, in every view of the MCIS', async () => {
    const tb = tumblebug.rest;
    await ok(call(tb, 'POST', `/ns/${NS}/mci?wait=true`, { name: 'n1', subGroups: [staticGroup(CONN, 'g1', 2)] }));
    await eventually(
      async () => (await ok(call(tb, 'GET', `/ns/${NS}/mci/n1?option=status`))).status,
      (s) => s.status === 'Running:2 (R:2/2)',
    );
    // A VM's status written as a poll writes it, with its MCIS not settled yet.
    await ds.query(`UPDATE mcis_vms SET status = 'Suspended' WHERE ns_id = $1 AND mcis_id = 'n1' AND id = 'g1-1'`, [
      NS,
    ]);
    const [stored] = await ds.query(`SELECT status FROM mcis WHERE ns_id = $1 AND id = 'n1'`, [NS]);
    expect(stored.status).toBe('Running:2 (R:2/2)');

    const expected = 'Partial-Suspended:1 (R:1/2)';
    const status = (await ok(call(tb, 'GET', `/ns/${NS}/mci/n1?option=status`))).status;
    expect(status).toMatchObject({
      status: expected,
      statusCount: { countRunning: 1, countSuspended: 1, countTotal: 2 },
    });
    expect((await ok(call(tb, 'GET', `/ns/${NS}/mci/n1`))).status).toBe(expected);
    expect((await ok(call(tb, 'GET', `/ns/${NS}/mci?option=status`))).mci).toEqual([
      expect.objectContaining({ id: 'n1', status: expected }),
    ]);
    expect((await ok(call(tb, 'GET', `/ns/${NS}/mci`))).mci).toEqual([
      expect.objectContaining({ id: 'n1', status: expected }),
    ]);
    await ok(call(tb, 'DELETE', `/ns/${NS}/mci/n1?option=terminate`));
  });
});
