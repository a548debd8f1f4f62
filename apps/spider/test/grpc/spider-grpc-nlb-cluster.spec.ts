import { AlreadyExistsError, InvalidArgumentError, NotFoundError } from '@cb/errors';
import { createGrpcClient, type GrpcClient } from '@cb/grpc';
import { spider as proto } from '@cb/proto';
import type { NlbReq, NodeGroupReq } from '@cb/spider-client';
import { startGrpcSpider, type GrpcSpiderUnderTest } from './grpc-harness';
import { type BaseNetwork, createBaseNetwork, names } from './grpc-fixtures';

const C = 'grpc-nlb';

const nlbRequest = (name: string, overrides: Partial<NlbReq> = {}): NlbReq => ({
  Name: name,
  VPCName: 'vpc-01',
  Listener: { Protocol: 'tcp', Port: '80' },
  VMGroup: { Protocol: 'TCP', Port: '8080', VMs: ['vm-01', 'vm-02'] },
  HealthChecker: { Protocol: 'TCP', Port: '8080', Interval: 'default', Timeout: -1, Threshold: 3 },
  ...overrides,
});

const nodeGroup = (name: string, overrides: Partial<NodeGroupReq> = {}): NodeGroupReq => ({
  Name: name,
  VMSpecName: 'mock-vmspec-01',
  KeyPairName: 'keypair-01',
  OnAutoScaling: true,
  DesiredNodeSize: 2,
  MinNodeSize: 1,
  MaxNodeSize: 3,
  ...overrides,
});

describe('spider gRPC: NLBs, clusters and node groups through @cb/spider-client', () => {
  let spider: GrpcSpiderUnderTest;
  let base: BaseNetwork;
  /** The generated client itself, to send what the typed client never would (a message left out). */
  let raw: GrpcClient<typeof proto.SpiderService>;

  beforeAll(async () => {
    spider = await startGrpcSpider();
    await spider.registerMock(C);
    base = await createBaseNetwork(spider.client, C, ['vm-01', 'vm-02', 'vm-03']);
    raw = createGrpcClient(proto.SpiderService, spider.address, { token: spider.token, retries: 0 });
  });
  afterAll(async () => {
    raw?.close();
    await spider?.stop();
  });

  it('creates an NLB with the user names throughout, upstream defaults and cloud-default health numbers', async () => {
    const { client } = spider;
    const nlb = await client.createNlb(C, nlbRequest('nlb-01'));
    expect(nlb).toMatchObject({
      IId: { NameId: 'nlb-01' },
      VpcIID: base.vpc,
      Type: 'PUBLIC',
      Scope: 'REGION',
      Listener: { Protocol: 'TCP', Port: '80' },
      VMGroup: { Protocol: 'TCP', Port: '8080' },
      HealthChecker: { Protocol: 'TCP', Port: '8080', Interval: -1, Timeout: -1, Threshold: 3 },
    });
    expect(nlb.VMGroup.VMs).toEqual([base.vms['vm-01'], base.vms['vm-02']]);
    expect(names((await client.listNlbs(C)).map((n) => n.IId))).toEqual(['nlb-01']);
    expect(await client.getNlb(C, 'nlb-01')).toEqual(nlb);
  });

  it("adds and removes VMs, changes listener, VM group and health checker, and reports the VMs' health", async () => {
    const { client } = spider;
    expect(names((await client.addNlbVms(C, 'nlb-01', ['vm-03'])).VMGroup.VMs)).toEqual(['vm-01', 'vm-02', 'vm-03']);
    const health = await client.getNlbHealth(C, 'nlb-01');
    expect(names(health.AllVMs)).toEqual(['vm-01', 'vm-02', 'vm-03']);
    expect(names(health.HealthyVMs)).toEqual(['vm-01', 'vm-02']);
    expect(names(health.UnHealthyVMs)).toEqual(['vm-03']);
    expect(await client.removeNlbVms(C, 'nlb-01', ['vm-01'])).toBe(true);
    expect(names((await client.getNlb(C, 'nlb-01')).VMGroup.VMs)).toEqual(['vm-02', 'vm-03']);

    expect(await client.changeNlbListener(C, 'nlb-01', { Protocol: 'udp', Port: '53' })).toMatchObject({
      Protocol: 'UDP',
      Port: '53',
    });
    const group = await client.changeNlbVmGroup(C, 'nlb-01', { Protocol: 'HTTP', Port: '8081' });
    expect(group).toMatchObject({ Protocol: 'HTTP', Port: '8081' });
    expect(names(group.VMs)).toEqual(['vm-02', 'vm-03']);
    const checker = await client.changeNlbHealthChecker(C, 'nlb-01', {
      Protocol: 'http',
      Port: '80',
      Interval: 10,
      Timeout: '5',
      Threshold: '',
    });
    expect(checker).toMatchObject({ Protocol: 'HTTP', Port: '80', Interval: 10, Timeout: 5, Threshold: -1 });
    expect((await client.getNlb(C, 'nlb-01')).Listener).toMatchObject({ Protocol: 'UDP', Port: '53' });
  });

  it('maps NLB errors to NOT_FOUND, ALREADY_EXISTS and INVALID_ARGUMENT, leaving nothing behind', async () => {
    const { client } = spider;
    const dup = client.createNlb(C, nlbRequest('nlb-01'));
    await expect(dup).rejects.toBeInstanceOf(AlreadyExistsError);
    await expect(dup).rejects.toThrow(`Network Load Balancer 'nlb-01' already exists in connection '${C}'`);
    const unknown = client.getNlb(C, 'nope');
    await expect(unknown).rejects.toBeInstanceOf(NotFoundError);
    await expect(unknown).rejects.toThrow(`NLB 'nope' does not exist in connection '${C}'`);
    const badVm = client.createNlb(C, nlbRequest('nlb-02', { VMGroup: { VMs: ['vm-x'] } }));
    await expect(badVm).rejects.toThrow(`VM 'vm-x' does not exist in connection '${C}'`);
    await expect(client.addNlbVms(C, 'nlb-01', ['vm-x'])).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.changeNlbVmGroup(C, 'nope', { Protocol: 'TCP', Port: '80' })).rejects.toBeInstanceOf(
      NotFoundError,
    );

    const badPort = client.createNlb(C, nlbRequest('nlb-02', { Listener: { Protocol: 'TCP', Port: 'eighty' } }));
    await expect(badPort).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(badPort).rejects.toThrow(/^ReqInfo\.Listener\.Port/);
    await expect(client.createNlb(C, nlbRequest('nlb-02', { Type: 'SIDEWAYS' }))).rejects.toThrow(
      /^ReqInfo\.Type: must be PUBLIC or INTERNAL/,
    );
    await expect(client.addNlbVms(C, 'nlb-01', [])).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(client.changeNlbListener(C, 'nlb-01', { Protocol: 'SCTP', Port: '80' })).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
    const noChecker = raw.createNlb({
      connectionName: C,
      name: 'nlb-02',
      vpcName: 'vpc-01',
      listener: { protocol: 'TCP', port: '80' },
    });
    await expect(noChecker).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(noChecker).rejects.toThrow('health_checker is required');
    await expect(raw.changeNlbListener({ connectionName: C, name: 'nlb-01' })).rejects.toThrow('listener is required');

    expect(names((await client.listNlbs(C)).map((n) => n.IId))).toEqual(['nlb-01']);
    expect(names((await client.getNlb(C, 'nlb-01')).VMGroup.VMs)).toEqual(['vm-02', 'vm-03']);
    expect(await client.deleteNlb(C, 'nlb-01')).toBe(true);
    expect(await client.listNlbs(C)).toEqual([]);
  });

  it('creates a cluster with a node group, all named by the user', async () => {
    const { client } = spider;
    const cluster = await client.createCluster(C, {
      Name: 'cluster-01',
      Version: '1.29',
      VPCName: 'vpc-01',
      SubnetNames: ['subnet-01'],
      SecurityGroupNames: ['sg-01'],
      NodeGroupList: [nodeGroup('ng-01')],
    });
    expect(cluster).toMatchObject({ IId: { NameId: 'cluster-01' }, Version: '1.29', Status: 'Active' });
    expect(cluster.Network).toMatchObject({ VpcIID: base.vpc, SubnetIIDs: base.subnets, SecurityGroupIIDs: [base.sg] });
    expect(cluster.NodeGroupList).toHaveLength(1);
    expect(cluster.NodeGroupList![0]).toMatchObject({
      IId: { NameId: 'ng-01' },
      KeyPairIID: base.key,
      OnAutoScaling: true,
      DesiredNodeSize: 2,
      MinNodeSize: 1,
      MaxNodeSize: 3,
    });
    expect(names((await client.listClusters(C)).map((c) => c.IId))).toEqual(['cluster-01']);
    expect((await client.getCluster(C, 'cluster-01')).IId).toEqual(cluster.IId);
  });

  it('adds, scales and removes node groups, upgrades the cluster and hands out its token', async () => {
    const { client } = spider;
    const withTwo = await client.addNodeGroup(C, 'cluster-01', nodeGroup('ng-02'));
    expect(names(withTwo.NodeGroupList?.map((g) => g.IId))).toEqual(['ng-01', 'ng-02']);
    expect(await client.setNodeGroupAutoScaling(C, 'cluster-01', 'ng-02', false)).toBe(true);
    const scaled = await client.changeNodeGroupScaling(C, 'cluster-01', 'ng-02', {
      DesiredNodeSize: 4,
      MinNodeSize: 2,
      MaxNodeSize: 5,
    });
    expect(scaled).toMatchObject({
      IId: { NameId: 'ng-02' },
      OnAutoScaling: false,
      DesiredNodeSize: 4,
      MaxNodeSize: 5,
    });
    expect(scaled.Nodes).toHaveLength(4);
    expect(await client.removeNodeGroup(C, 'cluster-01', 'ng-02')).toBe(true);

    const upgraded = await client.upgradeCluster(C, 'cluster-01', '1.30');
    expect(upgraded.Version).toBe('1.30');
    expect(names(upgraded.NodeGroupList?.map((g) => g.IId))).toEqual(['ng-01']);
    const { SystemId } = (await client.getCluster(C, 'cluster-01')).IId;
    expect(await client.getClusterToken(C, 'cluster-01')).toContain(SystemId);
  });

  it('maps cluster errors to NOT_FOUND, ALREADY_EXISTS and INVALID_ARGUMENT, leaving nothing behind', async () => {
    const { client } = spider;
    const network = { VPCName: 'vpc-01', SubnetNames: ['subnet-01'], SecurityGroupNames: ['sg-01'] };
    const dup = client.createCluster(C, { Name: 'cluster-01', ...network });
    await expect(dup).rejects.toBeInstanceOf(AlreadyExistsError);
    await expect(dup).rejects.toThrow(`Kubernetes Cluster 'cluster-01' already exists in connection '${C}'`);
    const dupGroup = client.addNodeGroup(C, 'cluster-01', nodeGroup('ng-01'));
    await expect(dupGroup).rejects.toBeInstanceOf(AlreadyExistsError);
    await expect(dupGroup).rejects.toThrow(`NodeGroup 'ng-01' already exists in connection '${C}'`);
    const noKey = client.createCluster(C, {
      Name: 'cluster-02',
      ...network,
      NodeGroupList: [nodeGroup('ng-9', { KeyPairName: 'k-x' })],
    });
    await expect(noKey).rejects.toBeInstanceOf(NotFoundError);
    await expect(noKey).rejects.toThrow(`VM KeyPair 'k-x' does not exist in connection '${C}'`);
    const unknown = client.getCluster(C, 'nope');
    await expect(unknown).rejects.toBeInstanceOf(NotFoundError);
    await expect(unknown).rejects.toThrow(`Cluster 'nope' does not exist in connection '${C}'`);
    await expect(client.getClusterToken(C, 'nope')).rejects.toBeInstanceOf(NotFoundError);
    const noGroup = client.removeNodeGroup(C, 'cluster-01', 'ng-x');
    await expect(noGroup).rejects.toThrow(`NodeGroup 'ng-x' does not exist in connection '${C}'`);
    await expect(client.setNodeGroupAutoScaling(C, 'cluster-01', 'ng-x', true)).rejects.toBeInstanceOf(NotFoundError);

    const noSubnets = client.createCluster(C, { Name: 'cluster-02', ...network, SubnetNames: [] });
    await expect(noSubnets).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(noSubnets).rejects.toThrow(/^ReqInfo\.SubnetNames/);
    const noVersion = client.upgradeCluster(C, 'cluster-01', '');
    await expect(noVersion).rejects.toThrow("resources.UpgradeClusterReqInfo:Version's input value is empty!");
    const noGroupMessage = raw.addNodeGroup({ connectionName: C, clusterName: 'cluster-01' });
    await expect(noGroupMessage).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(noGroupMessage).rejects.toThrow('node_group is required');

    expect(names((await client.listClusters(C)).map((c) => c.IId))).toEqual(['cluster-01']);
    expect(names((await client.getCluster(C, 'cluster-01')).NodeGroupList?.map((g) => g.IId))).toEqual(['ng-01']);
    expect(await client.deleteCluster(C, 'cluster-01')).toBe(true);
    expect(await client.listClusters(C)).toEqual([]);
  });
});
