import { startResourceSpider, type ResourceSpider, sgRequest, vmRequest, vpcRequest } from './resources-helpers';

const C = 'nlb-conn';

const nlbRequest = (name: string, overrides: Record<string, unknown> = {}) => ({
  Name: name,
  VPCName: 'vpc-01',
  Type: 'PUBLIC',
  Scope: 'REGION',
  Listener: { Protocol: 'TCP', Port: '80' },
  VMGroup: { Protocol: 'TCP', Port: '8080', VMs: ['vm-01', 'vm-02'] },
  HealthChecker: { Protocol: 'TCP', Port: '8080', Interval: 'default', Timeout: '-1', Threshold: '3' },
  ...overrides,
});

const nodeGroup = (name: string) => ({
  Name: name,
  VMSpecName: 'mock-vmspec-01',
  KeyPairName: 'keypair-01',
  OnAutoScaling: 'true',
  DesiredNodeSize: '2',
  MinNodeSize: '1',
  MaxNodeSize: '3',
});

const names = (iids: { NameId: string }[]) => iids.map((i) => i.NameId);

/** NLBs (with VMs, listener, health checker, health), clusters with node groups, and tags, against the mock. */
describe('spider resources: NLBs, clusters, tags', () => {
  let rs: ResourceSpider;
  const post = (path: string, ReqInfo: unknown) => rs.call('POST', path, { ConnectionName: C, ReqInfo });
  const put = (path: string, ReqInfo: unknown) => rs.call('PUT', path, { ConnectionName: C, ReqInfo });

  beforeAll(async () => {
    rs = await startResourceSpider();
    await rs.connect(C);
    await post('/vpc', vpcRequest());
    await post('/securitygroup', sgRequest());
    await post('/keypair', { Name: 'keypair-01' });
    for (const vm of ['vm-01', 'vm-02', 'vm-03']) {
      const answer = await post('/vm', vmRequest(vm));
      if (answer.status !== 200) throw new Error(JSON.stringify(answer.body));
    }
  });
  afterAll(async () => {
    await rs?.stop();
  });

  it('creates an NLB with user names throughout and CSP-default health numbers', async () => {
    const created = await post('/nlb', nlbRequest('nlb-01'));
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      IId: { NameId: 'nlb-01' },
      VpcIID: { NameId: 'vpc-01' },
      Type: 'PUBLIC',
      Scope: 'REGION',
      Listener: { Protocol: 'TCP', Port: '80' },
      VMGroup: { Protocol: 'TCP', Port: '8080' },
      HealthChecker: { Protocol: 'TCP', Port: '8080', Interval: -1, Timeout: -1, Threshold: 3 },
    });
    expect(names(created.body.VMGroup.VMs)).toEqual(['vm-01', 'vm-02']);
    expect((await rs.rows('nlb_iid_infos', C)).map((r) => [r.name_id, r.owner_name])).toEqual([['nlb-01', 'vpc-01']]);
    const list = await rs.call('GET', `/nlb?ConnectionName=${C}`);
    expect(names(list.body.nlb.map((n: { IId: { NameId: string } }) => n.IId))).toEqual(['nlb-01']);
  });

  it('adds and removes VMs, changes the listener and health checker, and reports health by VM name', async () => {
    const added = await rs.call('POST', '/nlb/nlb-01/vms', { ConnectionName: C, ReqInfo: { VMs: ['vm-03'] } });
    expect(names(added.body.VMGroup.VMs)).toEqual(['vm-01', 'vm-02', 'vm-03']);
    const health = await rs.call('GET', `/nlb/nlb-01/health?ConnectionName=${C}`);
    expect(health.body).toEqual({
      healthinfo: {
        AllVMs: expect.any(Array),
        HealthyVMs: expect.any(Array),
        UnHealthyVMs: expect.any(Array),
      },
    });
    expect(names(health.body.healthinfo.HealthyVMs)).toEqual(['vm-01', 'vm-02']);
    expect(names(health.body.healthinfo.UnHealthyVMs)).toEqual(['vm-03']);
    const removed = await rs.call('DELETE', '/nlb/nlb-01/vms', { ConnectionName: C, ReqInfo: { VMs: ['vm-01'] } });
    expect(removed.body).toEqual({ Result: 'true' });
    expect(names((await rs.call('GET', `/nlb/nlb-01?ConnectionName=${C}`)).body.VMGroup.VMs)).toEqual([
      'vm-02',
      'vm-03',
    ]);
    const listener = await put('/nlb/nlb-01/listener', { Protocol: 'udp', Port: '53' });
    expect(listener.body).toMatchObject({ Protocol: 'UDP', Port: '53' });
    const checker = await put('/nlb/nlb-01/healthchecker', {
      Protocol: 'HTTP',
      Port: '80',
      Interval: '10',
      Timeout: '5',
      Threshold: '',
    });
    expect(checker.body).toMatchObject({ Protocol: 'HTTP', Port: '80', Interval: 10, Timeout: 5, Threshold: -1 });
  });

  it('refuses duplicate, unknown and malformed NLBs with upstream texts, leaving nothing behind', async () => {
    const dup = await post('/nlb', nlbRequest('nlb-01'));
    expect(dup.status).toBe(409);
    expect(dup.body.message).toBe(`Network Load Balancer 'nlb-01' already exists in connection '${C}'`);
    const unknown = await rs.call('GET', `/nlb/nope?ConnectionName=${C}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe(`NLB 'nope' does not exist in connection '${C}'`);
    const badVm = await post('/nlb', nlbRequest('nlb-02', { VMGroup: { VMs: ['vm-x'] } }));
    expect(badVm.body.message).toBe(`VM 'vm-x' does not exist in connection '${C}'`);
    const badPort = await post('/nlb', nlbRequest('nlb-02', { Listener: { Protocol: 'TCP', Port: 'eighty' } }));
    expect(badPort.status).toBe(400);
    expect(badPort.body.message).toMatch(/^ReqInfo\.Listener\.Port/);
    const noChecker = await post('/nlb', nlbRequest('nlb-02', { HealthChecker: undefined }));
    expect(noChecker.body.message).toBe("resources.NLBReqInfo:HealthChecker's input value is empty!");
    expect((await rs.rows('nlb_iid_infos', C)).map((r) => r.name_id)).toEqual(['nlb-01']);
  });

  it('unregisters an NLB, registers it back by cloud id under its VPC, then deletes it', async () => {
    const { SystemId } = (await rs.call('GET', `/nlb/nlb-01?ConnectionName=${C}`)).body.IId;
    await rs.call('DELETE', '/regnlb/nlb-01', { ConnectionName: C });
    expect((await rs.call('GET', `/allnlb?ConnectionName=${C}`)).body.AllList.OnlyCSPList).toEqual([
      { NameId: expect.any(String), SystemId },
    ]);
    const back = await post('/regnlb', { Name: 'nlb-back', VPCName: 'vpc-01', CSPId: SystemId });
    expect(back.body).toMatchObject({ IId: { NameId: 'nlb-back', SystemId }, VpcIID: { NameId: 'vpc-01' } });
    expect((await rs.call('DELETE', '/nlb/nlb-back', { ConnectionName: C })).body).toEqual({ Result: 'true' });
    expect((await rs.call('GET', `/allnlb?ConnectionName=${C}`)).body.AllList).toEqual({
      MappedList: [],
      OnlySpiderList: [],
      OnlyCSPList: [],
    });
  });

  it('creates a cluster with node groups, all named by the user', async () => {
    const created = await post('/cluster', {
      Name: 'cluster-01',
      Version: '1.29',
      VPCName: 'vpc-01',
      SubnetNames: ['subnet-01'],
      SecurityGroupNames: ['sg-01'],
      NodeGroupList: [nodeGroup('ng-01')],
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      IId: { NameId: 'cluster-01' },
      Version: '1.29',
      Status: 'Active',
      Network: { VpcIID: { NameId: 'vpc-01' } },
    });
    expect(names(created.body.Network.SubnetIIDs)).toEqual(['subnet-01']);
    expect(names(created.body.Network.SecurityGroupIIDs)).toEqual(['sg-01']);
    expect(created.body.NodeGroupList).toHaveLength(1);
    expect(created.body.NodeGroupList[0]).toMatchObject({
      IId: { NameId: 'ng-01' },
      KeyPairIID: { NameId: 'keypair-01' },
      OnAutoScaling: true,
      DesiredNodeSize: 2,
      MinNodeSize: 1,
      MaxNodeSize: 3,
    });
    expect((await rs.rows('node_group_iid_infos', C)).map((r) => [r.name_id, r.owner_name])).toEqual([
      ['ng-01', 'cluster-01'],
    ]);
    const list = await rs.call('GET', `/cluster?ConnectionName=${C}`);
    expect(list.body.cluster.map((c: { IId: { NameId: string } }) => c.IId.NameId)).toEqual(['cluster-01']);
  });

  it('adds, scales and removes node groups; upgrades the cluster', async () => {
    const withTwo = await post('/cluster/cluster-01/nodegroup', nodeGroup('ng-02'));
    expect(names(withTwo.body.NodeGroupList.map((g: { IId: { NameId: string } }) => g.IId))).toEqual([
      'ng-01',
      'ng-02',
    ]);
    const dup = await post('/cluster/cluster-01/nodegroup', nodeGroup('ng-02'));
    expect(dup.status).toBe(409);
    expect(dup.body.message).toBe(`NodeGroup 'ng-02' already exists in connection '${C}'`);
    const off = await put('/cluster/cluster-01/nodegroup/ng-02/onautoscaling', { OnAutoScaling: 'false' });
    expect(off.body).toEqual({ Result: 'true' });
    const scaled = await put('/cluster/cluster-01/nodegroup/ng-02/autoscalesize', {
      DesiredNodeSize: '4',
      MinNodeSize: '2',
      MaxNodeSize: '5',
    });
    expect(scaled.body).toMatchObject({
      IId: { NameId: 'ng-02' },
      OnAutoScaling: false,
      DesiredNodeSize: 4,
      MaxNodeSize: 5,
    });
    expect(scaled.body.Nodes).toHaveLength(4);
    const badSize = await put('/cluster/cluster-01/nodegroup/ng-02/autoscalesize', {
      DesiredNodeSize: 'many',
      MinNodeSize: '1',
      MaxNodeSize: '2',
    });
    expect(badSize.status).toBe(400);
    const unknownGroup = await rs.call('DELETE', '/cluster/cluster-01/nodegroup/ng-x', { ConnectionName: C });
    expect(unknownGroup.status).toBe(404);
    expect(unknownGroup.body.message).toBe(`NodeGroup 'ng-x' does not exist in connection '${C}'`);
    const removed = await rs.call('DELETE', '/cluster/cluster-01/nodegroup/ng-02', { ConnectionName: C });
    expect(removed.body).toEqual({ Result: 'true' });
    const upgraded = await put('/cluster/cluster-01/upgrade', { Version: '1.30' });
    expect(upgraded.body.Version).toBe('1.30');
    expect(names(upgraded.body.NodeGroupList.map((g: { IId: { NameId: string } }) => g.IId))).toEqual(['ng-01']);
  });

  it('refuses duplicate, unknown and malformed clusters, leaving nothing behind', async () => {
    const base = { VPCName: 'vpc-01', SubnetNames: ['subnet-01'], SecurityGroupNames: ['sg-01'] };
    const dup = await post('/cluster', { Name: 'cluster-01', ...base });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toBe(`Kubernetes Cluster 'cluster-01' already exists in connection '${C}'`);
    const noKey = await post('/cluster', {
      Name: 'cluster-02',
      ...base,
      NodeGroupList: [{ ...nodeGroup('ng-9'), KeyPairName: 'k-x' }],
    });
    expect(noKey.status).toBe(404);
    expect(noKey.body.message).toBe(`VM KeyPair 'k-x' does not exist in connection '${C}'`);
    const noSubnets = await post('/cluster', { Name: 'cluster-02', ...base, SubnetNames: [] });
    expect(noSubnets.status).toBe(400);
    expect(noSubnets.body.message).toMatch(/^ReqInfo\.SubnetNames/);
    expect((await rs.call('GET', `/cluster/nope?ConnectionName=${C}`)).body.message).toBe(
      `Cluster 'nope' does not exist in connection '${C}'`,
    );
    expect((await rs.rows('cluster_iid_infos', C)).map((r) => r.name_id)).toEqual(['cluster-01']);
  });

  it('tags resources by type and name, as upstream, with its 400s', async () => {
    const added = await post('/tag', {
      ResourceType: 'vpc',
      ResourceName: 'vpc-01',
      Tag: { Key: 'env', Value: 'dev' },
    });
    expect(added.body).toEqual({ Key: 'env', Value: 'dev' });
    await post('/tag', { ResourceType: 'CLUSTER', ResourceName: 'cluster-01', Tag: { Key: 'team', Value: 'a' } });
    const list = await rs.call('GET', `/tag?ConnectionName=${C}&ResourceType=vpc&ResourceName=vpc-01`);
    expect(list.body).toEqual({ tag: [{ Key: 'env', Value: 'dev' }], resourceType: 'VPC' });
    const one = await rs.call('GET', `/tag/team?ConnectionName=${C}&ResourceType=cluster&ResourceName=cluster-01`);
    expect(one.body).toEqual({ Key: 'team', Value: 'a' });
    const missing = await rs.call('GET', `/tag?ConnectionName=${C}&ResourceType=vpc`);
    expect(missing).toMatchObject({ status: 400, body: { message: 'Missing required query parameters' } });
    const badType = await rs.call('GET', `/tag?ConnectionName=${C}&ResourceType=Bucket&ResourceName=x`);
    expect(badType).toMatchObject({ status: 400, body: { message: 'bucket is not a valid resource type' } });
    const badGet = await rs.call('GET', `/tag/env?ConnectionName=${C}&ResourceType=bucket&ResourceName=x`);
    expect(badGet).toMatchObject({ status: 400, body: { message: 'Invalid resource type' } });
    const unknownVpc = await rs.call('GET', `/tag?ConnectionName=${C}&ResourceType=vpc&ResourceName=vpc-x`);
    expect(unknownVpc).toMatchObject({
      status: 404,
      body: { message: `VPC 'vpc-x' does not exist in connection '${C}'` },
    });
    const removed = await rs.call('DELETE', '/tag/env', {
      ConnectionName: C,
      ReqInfo: { ResourceType: 'vpc', ResourceName: 'vpc-01' },
    });
    expect(removed.body).toEqual({ Result: 'true' });
    const again = await rs.call('GET', `/tag/env?ConnectionName=${C}&ResourceType=vpc&ResourceName=vpc-01`);
    expect(again.status).toBe(404);
  });

  it('deletes the cluster with its node group rows; an NLB gone from the cloud is dropped from spider on delete', async () => {
    expect((await rs.call('DELETE', '/cluster/cluster-01', { ConnectionName: C })).body).toEqual({ Result: 'true' });
    expect(await rs.rows('node_group_iid_infos', C)).toEqual([]);
    expect(await rs.rows('cluster_iid_infos', C)).toEqual([]);
    await post('/nlb', nlbRequest('nlb-03', { VMGroup: undefined }));
    const { SystemId } = (await rs.call('GET', `/nlb/nlb-03?ConnectionName=${C}`)).body.IId;
    await rs.call('DELETE', '/regnlb/nlb-03', { ConnectionName: C });
    await post('/regnlb', { Name: 'nlb-03', VPCName: 'vpc-01', CSPId: SystemId });
    await rs.call('DELETE', `/cspnlb/${SystemId}`, { ConnectionName: C }); // gone in the cloud, still in spider
    expect((await rs.call('GET', `/allnlb?ConnectionName=${C}`)).body.AllList.OnlySpiderList).toHaveLength(1);
    expect((await rs.call('DELETE', '/nlb/nlb-03?force=true', { ConnectionName: C })).body).toEqual({ Result: 'true' });
    expect(await rs.rows('nlb_iid_infos', C)).toEqual([]);
  });
});
