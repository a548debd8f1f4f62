import {
  call,
  eventually,
  mcisReport,
  ok,
  type SpiderUnderTest,
  startMcisPlatform,
  staticGroup,
  type TumblebugUnderTest,
} from './mcis-harness';

jest.setTimeout(180_000);

const CONNS = ['mock-a', 'mock-b', 'mock-c'];
const NS = 'ns01';

describe('MCIS lifecycle against a real spider with three mock connections', () => {
  let spider: SpiderUnderTest;
  let tumblebug: TumblebugUnderTest;
  let tb: string;

  beforeAll(async () => {
    ({ spider, tumblebug, tb } = await startMcisPlatform(NS, [
      ['mock-a', 'default'],
      ['mock-b', 'mercury'],
      ['mock-c', 'venus'],
    ]));
  });

  afterAll(async () => {
    await tumblebug?.stop();
    await spider?.stop();
  });

  const status = async (id: string) => (await ok(call(tb, 'GET', `/ns/${NS}/mci/${id}?option=status`))).status;

  it('creates a static MCIS of three subGroups over three connections and reaches Running:6 (R:6/6)', async () => {
    const created = await ok(
      call(tb, 'POST', `/ns/${NS}/mci`, {
        name: 'mci01',
        subGroups: [staticGroup('mock-a', 'g1', 1), staticGroup('mock-b', 'g2', 2), staticGroup('mock-c', 'g3', 3)],
      }),
    );
    expect(created.vm).toHaveLength(6);
    expect(created.vm.every((vm: { status: string }) => vm.status === 'Creating')).toBe(true);
    const done = await eventually(
      () => status('mci01'),
      (s) => s.status === 'Running:6 (R:6/6)',
    );
    expect(done.status).toBe('Running:6 (R:6/6)');
    expect(done.statusCount.countRunning).toBe(6);
    expect(
      done.vm.every(
        (vm: { targetAction: string; nativeStatus: string }) =>
          vm.targetAction === 'None' && vm.nativeStatus === 'Running',
      ),
    ).toBe(true);
    expect(await spider.vmNames('mock-c')).toHaveLength(3);
    // MciStatusInfo's VmStatusInfo, with upstream's casing (publicIp, not publicIP) and the master VM.
    expect(done).toMatchObject({ masterVmId: 'g1-1', masterIp: '4.3.2.1', masterSSHPort: '22' });
    expect(done.vm[0]).toEqual({
      id: 'g1-1',
      uid: expect.any(String),
      cspResourceName: expect.any(String),
      cspResourceId: expect.any(String),
      name: 'g1-1',
      status: 'Running',
      targetStatus: 'None',
      targetAction: 'None',
      nativeStatus: 'Running',
      monAgentStatus: 'notInstalled',
      systemMessage: '',
      createdTime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
      publicIp: '4.3.2.1',
      privateIp: '1.2.3.4',
      sshPort: 22,
      location: expect.objectContaining({ display: expect.any(String) }),
    });
    const listed = await ok(call(tb, 'GET', `/ns/${NS}/mci?option=status`));
    expect(listed.mci.map((m: { id: string; vm: unknown[] }) => [m.id, m.vm.length])).toEqual([['mci01', 6]]);
    const info = await ok(call(tb, 'GET', `/ns/${NS}/mcis/mci01`));
    expect(info.vm.map((vm: { id: string }) => vm.id).sort()).toEqual(['g1-1', 'g2-1', 'g2-2', 'g3-1', 'g3-2', 'g3-3']);
    expect(info.vm[0].publicIP).toBe('4.3.2.1');
    // VmInfo's spec{} and image{}: what the VM was created with, as the spec and image resources describe them.
    const spec = await ok(call(tb, 'GET', `/ns/${NS}/resources/spec/mock-a-spec`));
    const image = await ok(call(tb, 'GET', `/ns/${NS}/resources/image/mock-a-img`));
    expect(spec.vCPU).toBeGreaterThan(0);
    const vm = info.vm.find((v: { id: string }) => v.id === 'g1-1');
    expect(vm.spec).toEqual({
      cspSpecName: spec.cspSpecName,
      vCPU: spec.vCPU,
      memoryGiB: spec.memoryGiB,
      costPerHour: spec.costPerHour,
      acceleratorModel: spec.acceleratorModel,
      acceleratorCount: spec.acceleratorCount,
      acceleratorMemoryGB: spec.acceleratorMemoryGB,
      acceleratorType: spec.acceleratorType,
    });
    expect(vm.image).toEqual({
      cspImageName: image.cspImageName,
      osType: image.osType,
      osArchitecture: image.osArchitecture,
      osDistribution: image.osDistribution,
    });
    expect(vm.image.osDistribution).not.toBe('');
  });

  it('suspends and resumes the MCIS and reboots one VM', async () => {
    expect((await ok(call(tb, 'GET', `/ns/${NS}/control/mci/mci01?action=suspend`))).message).toBe(
      'Suspending the MCI',
    );
    expect(
      (
        await eventually(
          () => status('mci01'),
          (s) => s.status === 'Suspended:6 (R:0/6)',
        )
      ).status,
    ).toBe('Suspended:6 (R:0/6)');
    // resume is allowed from Suspended, reboot is not
    expect((await call(tb, 'GET', `/ns/${NS}/control/mci/mci01/vm/g1-1?action=reboot`)).status).toBe(409);
    await ok(call(tb, 'GET', `/ns/${NS}/control/mci/mci01?action=resume`));
    expect(
      (
        await eventually(
          () => status('mci01'),
          (s) => s.status === 'Running:6 (R:6/6)' && s.targetAction === 'None',
        )
      ).status,
    ).toBe('Running:6 (R:6/6)');
    await ok(call(tb, 'GET', `/ns/${NS}/control/mci/mci01/vm/g2-1?action=reboot`));
    const vm = await eventually(
      async () => ok(call(tb, 'GET', `/ns/${NS}/mci/mci01/vm/g2-1?option=status`)),
      (v) => v.status === 'Running' && v.targetAction === 'None',
    );
    expect(vm.status).toBe('Running');
  });

  it('scales a subGroup out by 2, continuing its numbering', async () => {
    const answer = await ok(call(tb, 'POST', `/ns/${NS}/mci/mci01/subgroup/g2`, { numVMsToAdd: 2 }));
    expect(answer.newVmList).toEqual(['g2-3', 'g2-4']);
    expect(
      (
        await eventually(
          () => status('mci01'),
          (s) => s.status === 'Running:8 (R:8/8)',
        )
      ).status,
    ).toBe('Running:8 (R:8/8)');
    expect(await spider.vmNames('mock-b')).toHaveLength(4);
    expect((await ok(call(tb, 'GET', `/ns/${NS}/mci/mci01/subgroup/g2`))).output).toHaveLength(4);
  });

  it('creates a dynamic MCIS over shared resources made once per connection', async () => {
    const review = await ok(
      call(tb, 'POST', `/ns/${NS}/mciDynamicReview`, {
        name: 'dyn01',
        subGroups: [{ name: 'd1', specId: 'mock-a-spec', imageId: 'mock-a-img', subGroupSize: 2 }],
      }),
    );
    expect(review.creationViable).toBe(true);
    const [a, b] = await Promise.all(
      ['dyn01', 'dyn02'].map((name) =>
        call(tb, 'POST', `/ns/${NS}/mciDynamic`, {
          name,
          subGroups: [{ name: 'd1', specId: 'mock-a-spec', imageId: 'mock-a-img', subGroupSize: 2 }],
        }),
      ),
    );
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(
      (
        await eventually(
          () => status('dyn01'),
          (s) => s.status === 'Running:2 (R:2/2)',
        )
      ).status,
    ).toBe('Running:2 (R:2/2)');
    const vNets = await ok(call(tb, 'GET', `/ns/${NS}/resources/vNet?option=id`));
    expect(vNets.output.filter((id: string) => id.includes('shared'))).toEqual([`${NS}-shared-mock-a`]);
    const assoc = await ok(call(tb, 'GET', `/ns/${NS}/mci/dyn01/associatedResources`));
    expect(assoc.vNetIds).toEqual([`${NS}-shared-mock-a`]);
  });

  it('refuses bad input with a 4xx message and creates nothing', async () => {
    const bad = async (path: string, body: unknown, raw?: string) => {
      const reply = await call(tb, 'POST', path, body, raw);
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
      expect(typeof reply.body.message).toBe('string');
      return reply;
    };
    await bad('/ns/nope/mci', { name: 'x1', subGroups: [staticGroup('mock-a', 'g1', 1)] });
    await bad(`/ns/${NS}/mci`, undefined, '{"name": ');
    await bad(`/ns/${NS}/mci`, { name: 'x2', subGroups: [staticGroup('mock-a', 'g1', -1)] });
    await bad(`/ns/${NS}/mci`, { name: 'x3', subGroups: [{ ...staticGroup('mock-a', 'g1', 1), subGroupSize: 'abc' }] });
    await bad(`/ns/${NS}/mci`, {
      name: 'x4',
      subGroups: [{ ...staticGroup('mock-a', 'g1', 1), specId: 'no-such-spec' }],
    });
    await bad(`/ns/${NS}/mci`, {
      name: 'x5',
      subGroups: [staticGroup('mock-a', 'g1', 1), staticGroup('mock-b', 'g1', 1)],
    });
    expect((await bad(`/ns/${NS}/mci`, { name: 'mci01', subGroups: [staticGroup('mock-a', 'g1', 1)] })).status).toBe(
      409,
    );
    expect((await call(tb, 'GET', `/ns/${NS}/control/mci/mci01?action=jump`)).status).toBe(400);
    const ids = await ok(call(tb, 'GET', `/ns/${NS}/mci?option=id`));
    expect(ids.output.sort()).toEqual(['dyn01', 'dyn02', 'mci01']);
  });

  it('refuses bad dynamic, scale-out and subGroup requests the same way, making no shared resource and no VM', async () => {
    const snapshot = async () => ({
      mcis: (await ok(call(tb, 'GET', `/ns/${NS}/mci?option=id`))).output.sort(),
      vNets: (await ok(call(tb, 'GET', `/ns/${NS}/resources/vNet?option=id`))).output.sort(),
      vms: (await ok(call(tb, 'GET', `/ns/${NS}/mci/mci01?option=id`))).output.sort(),
      spider: (await Promise.all(CONNS.map((c) => spider.vmNames(c)))).flat().sort(),
    });
    const before = await snapshot();
    const refused = async (
      method: string,
      path: string,
      body: unknown,
      status: number,
      message: RegExp,
      raw?: string,
    ) => {
      const reply = await call(tb, method, path, body, raw);
      expect({ path, status: reply.status, message: reply.body?.message }).toEqual({
        path,
        status,
        message: expect.stringMatching(message),
      });
    };
    const good = { name: 'ok', specId: 'mock-b-spec', imageId: 'mock-b-img' };
    await refused('POST', '/ns/nope/mciDynamic', { name: 'd9', subGroups: [good] }, 404, /^Not valid namespace$/);
    await refused('POST', `/ns/${NS}/mciDynamic`, undefined, 400, /JSON/i, '{"subGroups": [');
    await refused(
      'POST',
      `/ns/${NS}/mciDynamic`,
      { name: 'd9', subGroups: [{ ...good, subGroupSize: -1 }] },
      400,
      /subGroupSize/,
    );
    await refused(
      'POST',
      `/ns/${NS}/mciDynamic`,
      { name: 'd9', subGroups: [{ ...good, subGroupSize: 'abc' }] },
      400,
      /subGroupSize/,
    );
    // The bad subGroup comes second: the first one's shared resources must not be made either.
    await refused(
      'POST',
      `/ns/${NS}/mciDynamic`,
      { name: 'd9', subGroups: [good, { ...good, name: 'bad', specId: 'no-such-spec' }] },
      404,
      /no-such-spec/,
    );
    await refused('POST', `/ns/${NS}/mciDynamic`, { name: 'd9', subGroups: [good, good] }, 400, /duplicated/);
    await refused('POST', `/ns/${NS}/mciDynamic`, { name: 'mci01', subGroups: [good] }, 409, /already exists/);
    await refused('POST', `/ns/${NS}/mci/mci01/subgroup/g1`, { numVMsToAdd: -1 }, 400, /numVMsToAdd/);
    await refused('POST', `/ns/${NS}/mci/mci01/subgroup/g1`, { numVMsToAdd: 'abc' }, 400, /numVMsToAdd/);
    await refused('POST', `/ns/${NS}/mci/mci01/subgroup/nope`, { numVMsToAdd: 1 }, 404, /nope/);
    await refused('POST', `/ns/${NS}/mci/nope/subgroup/g1`, { numVMsToAdd: 1 }, 404, /nope/);
    await refused('POST', `/ns/${NS}/mci/mci01/vm`, staticGroup('mock-a', 'g1', 1), 409, /g1 already exists/);
    await refused(
      'POST',
      `/ns/${NS}/mci/mci01/vm`,
      { ...staticGroup('mock-a', 'g9', 1), specId: 'nope' },
      404,
      /spec nope/,
    );
    await refused(
      'POST',
      `/ns/${NS}/mci/mci01/vm`,
      { ...staticGroup('mock-a', 'g9', 1), vNetId: 'mock-b-net', subnetId: 'mock-b-sub' },
      400,
      /mock-b/,
    );
    expect(await snapshot()).toEqual(before);
  });

  it('streams cb.tumblebug.mcis.* events to the console over server-sent events', async () => {
    const aborter = new AbortController();
    const response = await fetch(`${tb}/events/stream`, {
      headers: { authorization: `Basic ${Buffer.from('default:default').toString('base64')}` },
      signal: aborter.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    await ok(call(tb, 'POST', `/ns/${NS}/mci`, { name: 'sse01', subGroups: [staticGroup('mock-a', 'g1', 1)] }));
    const reader = response.body!.getReader();
    let text = '';
    while (!(text.includes('cb.tumblebug.mcis.created') && text.includes('"status":"Running:1 (R:1/1)"'))) {
      const { value, done } = await reader.read();
      if (done) break;
      text += Buffer.from(value).toString();
    }
    aborter.abort();
    expect(text).toContain('event: cb.tumblebug.mcis.created\ndata: {"nsId":"ns01","mcisId":"sse01","vmCount":1}');
    expect(text).toContain('event: cb.tumblebug.vm.status_changed');
    await ok(call(tb, 'DELETE', `/ns/${NS}/mci/sse01?option=terminate`));
  });

  it('terminates and deletes every MCIS, leaving nothing in spider, so the namespace can go', async () => {
    expect((await call(tb, 'DELETE', `/ns/${NS}/mci/mci01`)).status).toBe(409); // still running
    await ok(call(tb, 'GET', `/ns/${NS}/control/mci/mci01?action=terminate`));
    const terminated = await eventually(
      () => status('mci01'),
      (s) => s.status === 'Terminated:8 (R:0/8)',
    );
    if (terminated.status !== 'Terminated:8 (R:0/8)') console.error(await mcisReport(tb, NS, 'mci01'));
    expect(terminated.status).toBe('Terminated:8 (R:0/8)');
    await ok(call(tb, 'DELETE', `/ns/${NS}/mci/mci01`));
    await ok(call(tb, 'DELETE', `/ns/${NS}/mci/dyn01?option=terminate`));
    await ok(call(tb, 'DELETE', `/ns/${NS}/mcis/dyn02?option=terminate`));
    expect((await ok(call(tb, 'GET', `/ns/${NS}/mci?option=id`))).output).toEqual([]);
    for (const conn of CONNS) expect(await spider.vmNames(conn)).toEqual([]);
    for (const conn of CONNS) {
      for (const type of ['sshKey', 'securityGroup'])
        await ok(call(tb, 'DELETE', `/ns/${NS}/resources/${type}/${conn}-${type === 'sshKey' ? 'key' : 'sg'}`));
      await ok(call(tb, 'DELETE', `/ns/${NS}/resources/vNet/${conn}-net`));
    }
    await ok(call(tb, 'DELETE', `/ns/${NS}/resources/sshKey/${NS}-shared-mock-a`));
    await ok(call(tb, 'DELETE', `/ns/${NS}/resources/securityGroup/${NS}-shared-mock-a`));
    await ok(call(tb, 'DELETE', `/ns/${NS}/resources/vNet/${NS}-shared-mock-a`));
    await ok(call(tb, 'DELETE', `/ns/${NS}/resources/spec?match=`));
    await ok(call(tb, 'DELETE', `/ns/${NS}/resources/image?match=`));
    await ok(call(tb, 'DELETE', `/ns/${NS}`));
  });
});
