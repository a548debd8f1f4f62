import type { DataSource } from 'typeorm';
import { McisRepository } from '../src/store/mcis';
import { createTumblebugDataSource } from '../src/store/data-source';
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

const NS = 'owedns';
const CONN = 'owed-a';

/**
 * The work worker reads what is owed in two steps (the due keys, then the rows) with the in-flight check between:
 * a VM whose work finished in between must not come back, or its finished action would be done once more (an
 * empty action sent to spider, which refused it, reset the VM's target and left it Undefined for ever).
 */
describe('VM work owed to spider', () => {
  let spider: SpiderUnderTest;
  let tumblebug: TumblebugUnderTest;
  let ds: DataSource;
  let repo: McisRepository;

  beforeAll(async () => {
    ({ spider, tumblebug } = await startMcisPlatform(NS, [[CONN, 'default']]));
    ds = createTumblebugDataSource(tumblebug.db.url);
    await ds.initialize();
    repo = new McisRepository(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
    await tumblebug?.stop();
    await spider?.stop();
  });

  it('leaves out a VM whose work finished after its key was read, and keeps one that still owes it', async () => {
    const tb = tumblebug.rest;
    await ok(call(tb, 'POST', `/ns/${NS}/mci`, { name: 'm1', subGroups: [staticGroup(CONN, 'g1', 2)] }));
    const running = await eventually(
      async () => (await ok(call(tb, 'GET', `/ns/${NS}/mci/m1?option=status`))).status,
      (s) => s.status === 'Running:2 (R:2/2)',
    );
    expect(running.status).toBe('Running:2 (R:2/2)');
    const keys = [
      { nsId: NS, mcisId: 'm1', id: 'g1-1' },
      { nsId: NS, mcisId: 'm1', id: 'g1-2' },
    ];
    // Both read as owing a reboot; then g1-1's finishes (as a worker in flight would finish it).
    await ds.query(`UPDATE mcis_vms SET pending_action = 'Reboot', next_attempt_at = 'infinity' WHERE ns_id = $1`, [
      NS,
    ]);
    await ds.query(`UPDATE mcis_vms SET pending_action = '' WHERE ns_id = $1 AND id = 'g1-1'`, [NS]);
    const owed = await repo.owedWork(keys);
    expect(owed.map((vm) => [vm.id, vm.pendingAction])).toEqual([['g1-2', 'Reboot']]);
    await ds.query(`UPDATE mcis_vms SET pending_action = '' WHERE ns_id = $1`, [NS]);
    expect(await repo.owedWork(keys)).toEqual([]);
  });
});
