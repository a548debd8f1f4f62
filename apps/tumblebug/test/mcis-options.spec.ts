import {
  call,
  eventually,
  ok,
  type SpiderUnderTest,
  startMcisPlatform,
  staticGroup,
  type TumblebugUnderTest,
} from './mcis-harness';

jest.setTimeout(180_000);

const NS = 'optns';
const CONNS = ['opt-a', 'opt-b'];
const AUTH = `Basic ${Buffer.from('default:default').toString('base64')}`;

/**
 * The MCIS options upstream clients use beyond create/get: hold with continue and withdraw, ?wait=true,
 * X-Request-Id tracking, list and get options (simple, id with a filter, idsInDetail), deleting one VM
 * and DELETE ?option=force; and cb.tumblebug.mcis.deleted on the event stream.
 */
describe('MCIS options, request tracking and deletion variants', () => {
  let spider: SpiderUnderTest;
  let tumblebug: TumblebugUnderTest;
  let tb: string;

  beforeAll(async () => {
    ({ spider, tumblebug, tb } = await startMcisPlatform(
      NS,
      [
        ['opt-a', 'default'],
        ['opt-b', 'mercury'],
        // A cloud that refuses every terminate, for the difference between option=terminate and option=force.
        ['opt-stuck', 'venus', { FailOps: 'terminateVM:INVALID_ARGUMENT' }],
      ],
      { TB_MCIS_WAIT_TIMEOUT_MS: '5000' },
    ));
  });

  afterAll(async () => {
    await tumblebug?.stop();
    await spider?.stop();
  });

  const status = async (id: string) => (await ok(call(tb, 'GET', `/ns/${NS}/mci/${id}?option=status`))).status;
  const inSpider = async () => (await Promise.all(CONNS.map((c) => spider.vmNames(c)))).flat();

  it('holds a creation in Prepared with nothing sent to spider until control continue', async () => {
    const held = await ok(
      call(tb, 'POST', `/ns/${NS}/mci?option=hold`, { name: 'held', subGroups: [staticGroup('opt-a', 'g1', 2)] }),
    );
    expect(held.vm.map((vm: { status: string }) => vm.status)).toEqual(['Prepared', 'Prepared']);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // a few worker and agent ticks
    expect(await inSpider()).toEqual([]);
    expect((await status('held')).targetAction).toBe('Create');
    expect((await ok(call(tb, 'GET', `/ns/${NS}/control/mci/held?action=continue`))).message).toBe(
      'Continue the holding MCI',
    );
    const running = await eventually(
      () => status('held'),
      (s) => s.status === 'Running:2 (R:2/2)' && s.targetAction === 'None',
    );
    expect(running.status).toBe('Running:2 (R:2/2)');
    // Only a held MCIS can be continued or withdrawn.
    expect((await call(tb, 'GET', `/ns/${NS}/control/mci/held?action=withdraw`)).status).toBe(409);
  });

  it('deletes a held MCIS without an option: its VMs were never sent', async () => {
    await ok(
      call(tb, 'POST', `/ns/${NS}/mci?option=hold`, { name: 'held2', subGroups: [staticGroup('opt-b', 'g1', 1)] }),
    );
    expect((await ok(call(tb, 'DELETE', `/ns/${NS}/mci/held2`))).output).toEqual([`/ns/${NS}/mci/held2`]);
    expect((await call(tb, 'GET', `/ns/${NS}/mci/held2`)).status).toBe(404);
  });

  it('withdraws a held creation: the MCIS goes and spider never sees a VM', async () => {
    const before = await inSpider();
    await ok(
      call(tb, 'POST', `/ns/${NS}/mci?option=hold`, { name: 'dropped', subGroups: [staticGroup('opt-b', 'g1', 1)] }),
    );
    await ok(call(tb, 'GET', `/ns/${NS}/control/mci/dropped?action=withdraw`));
    const gone = await eventually(
      () => call(tb, 'GET', `/ns/${NS}/mci/dropped`),
      (reply) => reply.status === 404,
    );
    expect(gone.status).toBe(404);
    expect(await inSpider()).toEqual(before);
  });

  it('tracks a creation under its X-Request-Id until it ends, and answers ?wait=true once every VM runs', async () => {
    const response = await fetch(`${tb}/ns/${NS}/mci?wait=true`, {
      method: 'POST',
      headers: { authorization: AUTH, 'content-type': 'application/json', 'x-request-id': 'req-wait-01' },
      body: JSON.stringify({
        name: 'waited',
        subGroups: [staticGroup('opt-a', 'g1', 1), staticGroup('opt-b', 'g2', 2)],
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req-wait-01');
    const waited = (await response.json()) as { status: string; vm: { status: string }[] };
    expect(waited.status).toBe('Running:3 (R:3/3)');
    expect(waited.vm.every((vm: { status: string }) => vm.status === 'Running')).toBe(true);

    const tracked = await eventually(
      () => ok(call(tb, 'GET', '/request/req-wait-01')),
      (entry) => entry.status !== 'Handling',
    );
    expect(tracked).toMatchObject({
      status: 'Success',
      requestInfo: { method: 'POST', url: expect.stringContaining(`/ns/${NS}/mci`) },
      responseData: { id: 'waited', failedVmCount: 0, totalVmCount: 3, policy: 'continue' },
    });
    expect(tracked.endTime >= tracked.startTime).toBe(true);
    const listed = await ok(call(tb, 'GET', '/requests?status=Success&method=POST'));
    expect(listed.requests.map((r: { id: string }) => r.id)).toContain('req-wait-01');
    await ok(call(tb, 'DELETE', '/request/req-wait-01'));
    expect((await call(tb, 'GET', '/request/req-wait-01')).status).toBe(404);
  });

  it('lists and reads MCIS with option=simple, option=id (filtered by connection) and idsInDetail', async () => {
    const simple = await ok(call(tb, 'GET', `/ns/${NS}/mci?option=simple`));
    const waited = simple.mci.find((m: { id: string }) => m.id === 'waited');
    expect(waited.vm).toHaveLength(3);
    expect(Object.keys(waited.vm[0]).sort()).toEqual(
      ['connectionName', 'id', 'location', 'publicIP', 'status', 'subGroupId'].sort(),
    );
    expect((await ok(call(tb, 'GET', `/ns/${NS}/mci?option=id`))).output.sort()).toEqual(['held', 'waited']);
    const ids = await ok(call(tb, 'GET', `/ns/${NS}/mci/waited?option=id&filterKey=connectionName&filterVal=opt-b`));
    expect(ids.output).toEqual(['g2-1', 'g2-2']);
    const detail = await ok(call(tb, 'GET', `/ns/${NS}/mcis/waited/vm/g2-1?option=idsInDetail`));
    const vm = await ok(call(tb, 'GET', `/ns/${NS}/mci/waited/vm/g2-1`));
    expect(detail).toEqual({
      idInTb: 'g2-1',
      idInSp: vm.cspResourceName,
      idInCsp: vm.cspResourceId,
      nameInCsp: vm.cspResourceName,
    });
    expect(vm.cspResourceId).toBeTruthy();
  });

  it('makes a customImage of a VM and an MCIS from it, and registers an image the cloud has as another', async () => {
    const image = await ok(call(tb, 'POST', `/ns/${NS}/mci/held/vm/g1-1/snapshot`, { name: 'snap01' }));
    expect(image).toMatchObject({
      resourceType: 'customImage',
      id: 'snap01',
      connectionName: 'opt-a',
      sourceVmId: 'g1-1',
      systemLabel: 'Managed by CB-Tumblebug',
    });
    expect(image.cspResourceId).toBeTruthy();
    const inSpider = await ok(call(spider.rest, 'GET', `/myimage/${image.cspResourceName}?ConnectionName=opt-a`));
    expect(inSpider.IId.SystemId).toBe(image.cspResourceId);

    const fromImage = await ok(
      call(tb, 'POST', `/ns/${NS}/mci?wait=true`, {
        name: 'fromsnap',
        subGroups: [{ ...staticGroup('opt-a', 'g1', 1), imageId: 'snap01' }],
      }),
    );
    expect(fromImage.status).toBe('Running:1 (R:1/1)');
    expect(fromImage.vm[0]).toMatchObject({ imageId: 'snap01', cspImageName: image.cspResourceName });
    const vm = await ok(call(spider.rest, 'GET', `/vm/${fromImage.vm[0].cspResourceName}?ConnectionName=opt-a`));
    expect(vm.ImageType).toBe('MyImage');
    expect((await call(tb, 'POST', `/ns/${NS}/mci/held/vm/nope/snapshot`, { name: 'snap02' })).status).toBe(404);
    expect((await call(tb, 'POST', `/ns/${NS}/mci/held/vm/g1-1/snapshot`, { name: 'snap01' })).status).toBe(409);

    // A snapshot made in the cloud (through spider, then forgotten by it) registered by its CSP id.
    const { vm: held } = await ok(call(tb, 'GET', `/ns/${NS}/mci/held`));
    const made = await ok(
      call(spider.rest, 'POST', '/myimage', {
        ConnectionName: 'opt-a',
        ReqInfo: { Name: 'console-img', SourceVM: held[1].cspResourceName },
      }),
    );
    await ok(call(spider.rest, 'DELETE', '/regmyimage/console-img?ConnectionName=opt-a'));
    const registered = await ok(
      call(tb, 'POST', `/ns/${NS}/resources/customImage`, {
        name: 'reg-img',
        connectionName: 'opt-a',
        cspResourceId: made.IId.SystemId,
      }),
    );
    expect(registered).toMatchObject({ cspResourceId: made.IId.SystemId, systemLabel: 'Registered from CSP resource' });
    expect((await ok(call(tb, 'GET', `/ns/${NS}/resources/customImage?option=id`))).output.sort()).toEqual([
      'reg-img',
      'snap01',
    ]);

    await ok(call(tb, 'DELETE', `/ns/${NS}/mci/fromsnap?option=terminate`));
    for (const id of ['snap01', 'reg-img']) await ok(call(tb, 'DELETE', `/ns/${NS}/resources/customImage/${id}`));
    expect((await ok(call(spider.rest, 'GET', '/myimage?ConnectionName=opt-a'))).myImage ?? []).toEqual([]);
  });

  it('deletes one VM: it is terminated in spider and leaves the MCIS', async () => {
    const { cspResourceName } = await ok(call(tb, 'GET', `/ns/${NS}/mci/waited/vm/g2-2`));
    expect(await spider.vmNames('opt-b')).toContain(cspResourceName);
    expect((await ok(call(tb, 'DELETE', `/ns/${NS}/mci/waited/vm/g2-2`))).message).toBe('Deleted the VM g2-2');
    expect(await spider.vmNames('opt-b')).not.toContain(cspResourceName);
    expect((await call(tb, 'GET', `/ns/${NS}/mci/waited/vm/g2-2`)).status).toBe(404);
    expect((await status('waited')).status).toBe('Running:2 (R:2/2)');
  });

  it('deletes with option=force and announces cb.tumblebug.mcis.deleted on the event stream', async () => {
    const aborter = new AbortController();
    const stream = await fetch(`${tb}/events/stream`, { headers: { authorization: AUTH }, signal: aborter.signal });
    const reader = stream.body!.getReader();
    await ok(call(tb, 'DELETE', `/ns/${NS}/mci/waited?option=force`));
    expect((await call(tb, 'GET', `/ns/${NS}/mci/waited`)).status).toBe(404);
    let text = '';
    while (!text.includes('"mcisId":"waited"}')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += Buffer.from(value).toString();
    }
    aborter.abort();
    expect(text).toContain('event: cb.tumblebug.mcis.deleted\ndata: {"nsId":"optns","mcisId":"waited"}');
    // Forced, and still nothing left behind: each VM's terminate was sent before the MCIS went.
    expect(await spider.vmNames('opt-a')).toHaveLength(2); // the held MCIS's
    expect(await spider.vmNames('opt-b')).toEqual([]);
    for (const conn of CONNS) expect(await spider.cloudOnlyVms(conn)).toEqual([]);
  });

  it('keeps an MCIS whose terminate the cloud refuses under option=terminate, and drops it under option=force', async () => {
    await ok(
      call(tb, 'POST', `/ns/${NS}/mci?wait=true`, { name: 'stuck', subGroups: [staticGroup('opt-stuck', 'g1', 2)] }),
    );
    // Deleting one of its VMs answers 409 with the cloud's refusal, and keeps the VM's record.
    const vmRefused = await call(tb, 'DELETE', `/ns/${NS}/mci/stuck/vm/g1-2`);
    expect(vmRefused.status).toBe(409);
    expect(vmRefused.body.message).toMatch(/g1-2 is not Terminated yet .*terminateVM/);
    expect((await ok(call(tb, 'GET', `/ns/${NS}/mci/stuck/vm/g1-2`))).id).toBe('g1-2');
    const terminating = await call(tb, 'DELETE', `/ns/${NS}/mci/stuck?option=terminate`);
    expect(terminating.status).toBe(202);
    const kept = await ok(call(tb, 'GET', `/ns/${NS}/mci/stuck`));
    expect(kept.vm[0].systemMessage).toMatch(/terminateVM/);
    expect(await spider.vmNames('opt-stuck')).toHaveLength(2);

    await ok(call(tb, 'DELETE', `/ns/${NS}/mci/stuck?option=force`));
    expect((await call(tb, 'GET', `/ns/${NS}/mci/stuck`)).status).toBe(404);
    // The cloud still refuses: force dropped tumblebug's record, and its resources are free again.
    expect(await spider.vmNames('opt-stuck')).toHaveLength(2);
    await ok(call(tb, 'DELETE', `/ns/${NS}/resources/sshKey/opt-stuck-key`));
  });
});
