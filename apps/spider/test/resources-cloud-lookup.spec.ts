import { startResourceSpider, type ResourceSpider, sgRequest, vmRequest, vpcRequest } from './resources-helpers';

const C = 'lookup-conn';

/**
 * Upstream's calls for resources the cloud has and spider may not: subnet register/unregister and delete by
 * cloud id, the owner VPC of a security group / NLB / cluster, what a VM uses, a VM by cloud id; and the
 * cluster token.
 */
describe('spider resources: subnet management, lookups by cloud id, cluster token', () => {
  let rs: ResourceSpider;
  const ids: Record<string, { NameId: string; SystemId: string }> = {};
  const post = async (path: string, ReqInfo: unknown) => {
    const answer = await rs.call('POST', path, { ConnectionName: C, ReqInfo });
    if (answer.status !== 200) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const subnetRows = async () => (await rs.rows('subnet_iid_infos', C)).map((r) => [r.name_id, r.owner_name]);

  beforeAll(async () => {
    rs = await startResourceSpider();
    await rs.connect(C);
    ids.vpc = (await post('/vpc', vpcRequest())).IId;
    const withTwo = await post('/vpc/vpc-01/subnet', { Name: 'subnet-02', IPv4_CIDR: '192.168.2.0/24' });
    ids.subnet2 = withTwo.SubnetInfoList[1].IId;
    ids.sg = (await post('/securitygroup', sgRequest())).IId;
    ids.key = (await post('/keypair', { Name: 'keypair-01' })).IId;
    ids.vm = (await post('/vm', vmRequest('vm-01'))).IId;
    ids.nlb = (
      await post('/nlb', {
        Name: 'nlb-01',
        VPCName: 'vpc-01',
        Type: 'PUBLIC',
        Scope: 'REGION',
        Listener: { Protocol: 'TCP', Port: '80' },
        HealthChecker: { Protocol: 'TCP', Port: '80' },
      })
    ).IId;
    ids.cluster = (
      await post('/cluster', {
        Name: 'cluster-01',
        VPCName: 'vpc-01',
        SubnetNames: ['subnet-01'],
        SecurityGroupNames: ['sg-01'],
        NodeGroupList: [],
      })
    ).IId;
  });
  afterAll(async () => {
    await rs?.stop();
  });

  it('unregisters a subnet, registers it back by its cloud id, and deletes a cloud-only subnet', async () => {
    const noVpc = await rs.call('DELETE', '/regsubnet/subnet-02', { ConnectionName: C });
    expect(noVpc.status).toBe(400);
    expect(noVpc.body.message).toMatch(/ReqInfo is empty/);
    const unregistered = await rs.call('DELETE', '/regsubnet/subnet-02', {
      ConnectionName: C,
      ReqInfo: { VPCName: 'vpc-01' },
    });
    expect(unregistered).toEqual({ status: 200, body: { Result: 'true' } });
    expect(await subnetRows()).toEqual([['subnet-01', 'vpc-01']]);
    // The cloud still has it: the VPC shows it under the cloud's names.
    const vpc = await rs.call('GET', `/vpc/vpc-01?ConnectionName=${C}`);
    expect(vpc.body.SubnetInfoList.map((s: { IId: unknown }) => s.IId)).toContainEqual({
      NameId: ids.subnet2.SystemId,
      SystemId: ids.subnet2.SystemId,
    });

    const registered = await rs.call('POST', '/regsubnet', {
      ConnectionName: C,
      ReqInfo: { Name: 'subnet-back', VPCName: 'vpc-01', CSPId: ids.subnet2.SystemId },
    });
    expect(registered.status).toBe(200);
    expect(registered.body.IId).toEqual(ids.vpc);
    expect(registered.body.SubnetInfoList.map((s: { IId: unknown }) => s.IId)).toContainEqual({
      NameId: 'subnet-back',
      SystemId: ids.subnet2.SystemId,
    });
    expect(await subnetRows()).toEqual([
      ['subnet-01', 'vpc-01'],
      ['subnet-back', 'vpc-01'],
    ]);

    const again = await rs.call('POST', '/regsubnet', {
      ConnectionName: C,
      ReqInfo: { Name: 'subnet-back', VPCName: 'vpc-01', CSPId: ids.subnet2.SystemId },
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe(`Subnet 'subnet-back' already exists in connection '${C}'`);
    const unknown = await rs.call('POST', '/regsubnet', {
      ConnectionName: C,
      ReqInfo: { Name: 'subnet-x', VPCName: 'vpc-01', CSPId: 'no-such-subnet' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/Subnet 'no-such-subnet' does not exist/);
    const noSuchVpc = await rs.call('POST', '/regsubnet', {
      ConnectionName: C,
      ReqInfo: { Name: 'subnet-x', VPCName: 'vpc-x', CSPId: ids.subnet2.SystemId },
    });
    expect(noSuchVpc.status).toBe(404);
    expect(noSuchVpc.body.message).toBe(`VPC 'vpc-x' does not exist in connection '${C}'`);
    expect((await subnetRows()).map(([name]) => name)).toEqual(['subnet-01', 'subnet-back']);

    // Deleting by cloud id removes it from the cloud only; spider's row then names nothing, as upstream.
    const deleted = await rs.call('DELETE', `/vpc/vpc-01/cspsubnet/${ids.subnet2.SystemId}`, { ConnectionName: C });
    expect(deleted).toEqual({ status: 200, body: { Result: 'true' } });
    const after = await rs.call('GET', '/vpc/vpc-01', { ConnectionName: C });
    expect(after.body.SubnetInfoList.map((s: { IId: { NameId: string } }) => s.IId.NameId)).toEqual(['subnet-01']);
    const gone = await rs.call('DELETE', `/vpc/vpc-01/cspsubnet/${ids.subnet2.SystemId}`, { ConnectionName: C });
    expect(gone.status).toBe(404);
  });

  it('answers the owner VPC of a security group, an NLB and a cluster found by cloud id', async () => {
    const sgOwner = await rs.call('GET', '/getsecuritygroupowner', {
      ConnectionName: C,
      ReqInfo: { CSPId: ids.sg.SystemId },
    });
    expect(sgOwner).toEqual({ status: 200, body: ids.vpc });
    const byPost = await rs.call('POST', '/getsecuritygroupowner', {
      ConnectionName: C,
      ReqInfo: { CSPId: ids.sg.SystemId },
    });
    expect(byPost.body).toEqual(ids.vpc);
    const nlbOwner = await rs.call('GET', `/getnlbowner?ConnectionName=${C}&CSPId=${ids.nlb.SystemId}`);
    expect(nlbOwner).toEqual({ status: 200, body: ids.vpc });
    const clusterOwner = await rs.call('POST', '/getclusterowner', {
      ConnectionName: C,
      ReqInfo: { CSPId: ids.cluster.SystemId },
    });
    expect(clusterOwner).toEqual({ status: 200, body: ids.vpc });

    const noId = await rs.call('POST', '/getsecuritygroupowner', { ConnectionName: C, ReqInfo: {} });
    expect(noId).toEqual({ status: 400, body: expect.objectContaining({ message: 'CSPId is empty!' }) });
    const unknown = await rs.call('POST', '/getnlbowner', { ConnectionName: C, ReqInfo: { CSPId: 'no-such-nlb' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/no-such-nlb/);
  });

  it('answers what a VM uses and the VM itself by its cloud id', async () => {
    const expected = { Resources: { VPC: ids.vpc, SGList: [ids.sg], VMKey: ids.key } };
    const byQuery = await rs.call('GET', `/getvmusingresources?ConnectionName=${C}&CSPId=${ids.vm.SystemId}`);
    expect(byQuery).toEqual({ status: 200, body: expected });
    const byPost = await rs.call('POST', `/getvmusingresources?ConnectionName=${C}&CSPId=${ids.vm.SystemId}`);
    expect(byPost.body).toEqual(expected);
    const noId = await rs.call('GET', `/getvmusingresources?ConnectionName=${C}`);
    expect(noId.status).toBe(400);

    const byName = await rs.call('GET', `/vm/vm-01?ConnectionName=${C}`);
    const byCloudId = await rs.call('GET', `/cspvm/${ids.vm.SystemId}?ConnectionName=${C}`);
    expect(byCloudId).toEqual({ status: 200, body: byName.body });
    const unknown = await rs.call('GET', `/cspvm/no-such-vm?ConnectionName=${C}`);
    expect(unknown.status).toBe(404);
  });

  it('hands out a cluster token as a kubectl ExecCredential, never writing it to the call history', async () => {
    const answer = await rs.call('GET', `/cluster/cluster-01/token?ConnectionName=${C}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      apiVersion: 'client.authentication.k8s.io/v1beta1',
      kind: 'ExecCredential',
      status: { token: expect.stringContaining(ids.cluster.SystemId) },
    });
    const unknown = await rs.call('GET', `/cluster/nope/token?ConnectionName=${C}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe(`Cluster 'nope' does not exist in connection '${C}'`);

    const history = await rs.call('GET', `/callhistory?ConnectionName=${C}&Operation=generateClusterToken`);
    expect(history.body.callhistory).toEqual([expect.objectContaining({ ResourceName: 'cluster-01', Outcome: 'ok' })]);
    expect(JSON.stringify(history.body)).not.toContain(answer.body.status.token);
  });
});
