import { startResourceSpider, type ResourceSpider, sgRequest, vmRequest, vpcRequest } from './resources-helpers';

const C = 'val-conn';

/** Bad input answers upstream's `{"message"}` with a 4xx, and leaves no IID row behind. */
describe('spider resources: refusals leave nothing behind', () => {
  let rs: ResourceSpider;

  beforeAll(async () => {
    rs = await startResourceSpider();
    await rs.connect(C);
  });
  afterAll(async () => {
    await rs?.stop();
  });

  it('refuses an unknown or missing connection with upstream texts', async () => {
    const unknown = await rs.call('POST', '/vpc', { ConnectionName: 'no-such-conn', ReqInfo: vpcRequest() });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe('no-such-conn: does not exist!');
    const missing = await rs.call('GET', '/vpc');
    expect(missing.status).toBe(400);
    expect(missing.body.message).toBe('ConnectionName is empty!');
    expect(await rs.rows('vpc_iid_infos', 'no-such-conn')).toEqual([]);
  });

  it('names a missing ReqInfo field as upstream does, and creates nothing', async () => {
    await rs.call('POST', '/vpc', { ConnectionName: C, ReqInfo: vpcRequest() });
    await rs.call('POST', '/securitygroup', { ConnectionName: C, ReqInfo: sgRequest() });
    await rs.call('POST', '/keypair', { ConnectionName: C, ReqInfo: { Name: 'keypair-01' } });
    const noSpec = await rs.call('POST', '/vm', { ConnectionName: C, ReqInfo: vmRequest('vm-x', { VMSpecName: '' }) });
    expect(noSpec.status).toBe(400);
    expect(noSpec.body.message).toBe("resources.VMReqInfo:VMSpecName's input value is empty!");
    const noReqInfo = await rs.call('POST', '/keypair', { ConnectionName: C });
    expect(noReqInfo.status).toBe(400);
    expect(noReqInfo.body.message).toMatch(/ReqInfo is empty/);
    expect(await rs.rows('vm_iid_infos', C)).toEqual([]);
  });

  it('refuses an invalid CIDR naming the field', async () => {
    const bad = await rs.call('POST', '/vpc', {
      ConnectionName: C,
      ReqInfo: { ...vpcRequest('vpc-bad'), IPv4_CIDR: '192.168.300.0/16' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^ReqInfo\.IPv4_CIDR: .*not a valid IPv4 CIDR/);
    const badSubnet = await rs.call('POST', '/vpc/vpc-01/subnet', {
      ConnectionName: C,
      ReqInfo: { Name: 'subnet-bad', IPv4_CIDR: '10.0.0.0/33' },
    });
    expect(badSubnet.status).toBe(400);
    expect(badSubnet.body.message).toMatch(/^ReqInfo\.IPv4_CIDR/);
    expect((await rs.rows('vpc_iid_infos', C)).map((r) => r.name_id)).toEqual(['vpc-01']);
    expect((await rs.rows('subnet_iid_infos', C)).map((r) => r.name_id)).toEqual(['subnet-01']);
  });

  it('answers a bad control action with upstream text', async () => {
    await rs.call('POST', '/vm', { ConnectionName: C, ReqInfo: vmRequest('vm-01') });
    const bad = await rs.call('GET', `/controlvm/vm-01?ConnectionName=${C}&action=explode`);
    expect(bad).toEqual({ status: 400, body: expect.objectContaining({ message: 'explode is not a valid action!!' }) });
    expect((await rs.call('GET', `/vmstatus/vm-01?ConnectionName=${C}`)).body).toEqual({ Status: 'Running' });
  });

  it('refuses duplicates (409) and unknown names (404) with upstream texts, keeping one row', async () => {
    const dup = await rs.call('POST', '/vpc', { ConnectionName: C, ReqInfo: vpcRequest() });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toBe(`VPC 'vpc-01' already exists in connection '${C}'`);
    const dupKey = await rs.call('POST', '/keypair', { ConnectionName: C, ReqInfo: { Name: 'keypair-01' } });
    expect(dupKey.status).toBe(409);
    expect(dupKey.body.message).toBe(`VM KeyPair 'keypair-01' already exists in connection '${C}'`);
    expect((await rs.rows('vpc_iid_infos', C)).map((r) => r.name_id)).toEqual(['vpc-01']);
    const unknown = await rs.call('GET', `/securitygroup/nope?ConnectionName=${C}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe(`Security Group 'nope' does not exist in connection '${C}'`);
    const unknownVm = await rs.call('DELETE', '/vm/nope', { ConnectionName: C });
    expect(unknownVm.body.message).toBe(`VM 'nope' does not exist in connection '${C}'`);
  });

  it('refuses a 5 MB body with 413 and {"message"}', async () => {
    const huge = JSON.stringify({
      ConnectionName: C,
      ReqInfo: { ...vpcRequest('vpc-huge'), Pad: 'x'.repeat(5 * 1024 * 1024) },
    });
    const answer = await rs.call('POST', '/vpc', undefined, huge);
    expect(answer.status).toBe(413);
    expect(typeof answer.body.message).toBe('string');
    expect((await rs.rows('vpc_iid_infos', C)).map((r) => r.name_id)).toEqual(['vpc-01']);
  });

  it('asked the cloud nothing for a refused request, so the cloud holds nothing spider does not know', async () => {
    const history = await rs.call('GET', `/callhistory?ConnectionName=${C}&limit=1000`);
    const creates = history.body.callhistory
      .filter((c: { Operation: string }) => /^(create|start|add)/.test(c.Operation))
      .map((c: { Operation: string; ResourceName: string }) => `${c.Operation} ${c.ResourceName}`)
      .sort();
    // One create each for what was made; none for the refused names or the duplicates.
    expect(creates).toEqual(['createKey keypair-01', 'createSecurity sg-01', 'createVPC vpc-01', 'startVM vm-01']);
    for (const rsName of ['vpc', 'securitygroup', 'keypair', 'vm']) {
      const all = await rs.call('GET', `/all${rsName}?ConnectionName=${C}`);
      expect(all.body.AllList.OnlyCSPList).toEqual([]);
      expect(all.body.AllList.OnlySpiderList).toEqual([]);
    }
  });

  it('refuses to delete a VPC in use unless forced; force drops the VPC and its subnets only', async () => {
    const refused = await rs.call('DELETE', '/vpc/vpc-01', { ConnectionName: C });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/VPC 'vpc-01' is in use by Security Group 'sg-01'/);
    expect((await rs.rows('vpc_iid_infos', C)).map((r) => r.name_id)).toEqual(['vpc-01']);

    const forced = await rs.call('DELETE', '/vpc/vpc-01?force=true', { ConnectionName: C });
    expect(forced).toEqual({ status: 200, body: { Result: 'true' } });
    expect(await rs.rows('vpc_iid_infos', C)).toEqual([]);
    expect(await rs.rows('subnet_iid_infos', C)).toEqual([]);
    expect((await rs.rows('sg_iid_infos', C)).map((r) => r.name_id)).toEqual(['sg-01']);
  });

  it('force-deletes a VM whose cloud refuses to terminate it; without force the row stays', async () => {
    const conn = 'val-failing';
    await rs.connect(conn, { FailOps: 'terminateVM' });
    await rs.call('POST', '/vpc', { ConnectionName: conn, ReqInfo: vpcRequest() });
    await rs.call('POST', '/securitygroup', { ConnectionName: conn, ReqInfo: sgRequest() });
    await rs.call('POST', '/keypair', { ConnectionName: conn, ReqInfo: { Name: 'keypair-01' } });
    expect((await rs.call('POST', '/vm', { ConnectionName: conn, ReqInfo: vmRequest('vm-01') })).status).toBe(200);

    const refused = await rs.call('DELETE', '/vm/vm-01', { ConnectionName: conn });
    expect(refused.status).toBe(503);
    expect(refused.body.message).toMatch(/terminateVM failed/);
    expect((await rs.rows('vm_iid_infos', conn)).map((r) => r.name_id)).toEqual(['vm-01']);

    const forced = await rs.call('DELETE', '/vm/vm-01?force=true', { ConnectionName: conn });
    expect(forced.status).toBe(200);
    expect(await rs.rows('vm_iid_infos', conn)).toEqual([]);
  });

  it('registers a cloud-only resource and unregisters it without touching the cloud', async () => {
    const conn = 'val-register';
    await rs.connect(conn);
    const made = await rs.call('POST', '/keypair', { ConnectionName: conn, ReqInfo: { Name: 'k1' } });
    await rs.call('DELETE', '/regkeypair/k1', { ConnectionName: conn });
    const all = await rs.call('GET', `/allkeypair?ConnectionName=${conn}`);
    expect(all.body.AllList).toEqual({
      MappedList: [],
      OnlySpiderList: [],
      OnlyCSPList: [made.body.IId.SystemId].map((id) => ({ NameId: id, SystemId: id })),
    });
    // A key only the cloud knows is shown masked too.
    const allInfo = await rs.call('GET', `/allkeypairinfo?ConnectionName=${conn}`);
    expect(allInfo.body.AllListInfo.OnlyCSPInfoList).toEqual([
      expect.objectContaining({ PublicKey: 'Hidden for security.', PrivateKey: 'Hidden for security.' }),
    ]);

    const registered = await rs.call('POST', '/regkeypair', {
      ConnectionName: conn,
      ReqInfo: { Name: 'k-again', CSPId: made.body.IId.SystemId },
    });
    expect(registered.status).toBe(200);
    expect(registered.body.IId).toEqual({ NameId: 'k-again', SystemId: made.body.IId.SystemId });
    expect(registered.body.PrivateKey).toBe('Hidden for security.');
    const mapped = await rs.call('GET', '/allkeypair', { ConnectionName: conn });
    expect(mapped.body.AllList.MappedList).toEqual([registered.body.IId]);
  });
});
