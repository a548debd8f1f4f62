import type { IID } from '@cb/driver-sdk';
import { AlreadyExistsError, InvalidArgumentError, NotFoundError } from '@cb/errors';
import { MANAGED_RESOURCE_TYPES, type ManagedResourceType } from '@cb/spider-client';
import { startGrpcSpider, type GrpcSpiderUnderTest } from './grpc-harness';
import { type BaseNetwork, createBaseNetwork, names, vmRequest } from './grpc-fixtures';

const C = 'grpc-mgmt';

/**
 * Upstream's management calls over gRPC: spider's names against the cloud's for every kind, register and
 * unregister, delete by cloud id, counts, the subnet variants, and the lookups by cloud id.
 */
describe('spider gRPC: all-lists, register / unregister, delete by cloud id, counts, lookups', () => {
  let spider: GrpcSpiderUnderTest;
  let base: BaseNetwork;
  let nlb: IID;
  let cluster: IID;

  beforeAll(async () => {
    spider = await startGrpcSpider();
    await spider.registerMock(C);
    base = await createBaseNetwork(spider.client, C, ['vm-01'], 2);
    nlb = (
      await spider.client.createNlb(C, {
        Name: 'nlb-01',
        VPCName: 'vpc-01',
        Listener: { Protocol: 'TCP', Port: '80' },
        HealthChecker: { Protocol: 'TCP', Port: '80' },
      })
    ).IId;
    cluster = (
      await spider.client.createCluster(C, {
        Name: 'cluster-01',
        VPCName: 'vpc-01',
        SubnetNames: ['subnet-01'],
        SecurityGroupNames: ['sg-01'],
      })
    ).IId;
  });
  afterAll(() => spider?.stop());

  it('lists what spider and the cloud both know, for every managed kind, with the resources themselves', async () => {
    const { client } = spider;
    const expected: Record<ManagedResourceType, string[]> = {
      vpc: ['vpc-01'],
      securitygroup: ['sg-01'],
      keypair: ['keypair-01'],
      vm: ['vm-01'],
      disk: [],
      myimage: [],
      nlb: ['nlb-01'],
      cluster: ['cluster-01'],
    };
    for (const type of MANAGED_RESOURCE_TYPES) {
      const all = await client.listAllResources(C, type);
      expect([type, names(all.MappedList), all.OnlySpiderList, all.OnlyCSPList]).toEqual([
        type,
        expected[type],
        [],
        [],
      ]);
      const infos = await client.listAllResourceInfos(C, type);
      expect([type, names(infos.AllListInfo.MappedInfoList.map((i) => i.IId))]).toEqual([type, expected[type]]);
    }
    const vms = await client.listAllResourceInfos(C, 'vm');
    expect(vms.ResourceType).toBe('vm');
    expect(vms.AllListInfo.MappedInfoList[0]).toEqual(await client.getVm(C, 'vm-01'));
    const keys = await client.listAllResourceInfos(C, 'keypair');
    expect(keys.AllListInfo.MappedInfoList[0].PrivateKey).toBe('Hidden for security.');
    expect((await client.listAllResourceInfos(C, 'securitygroup')).ResourceType).toBe('sg');
  });

  it('unregisters a security group, registers it back by its cloud id under a new name; counts follow', async () => {
    const { client } = spider;
    expect(await client.countResources('securitygroup', C)).toBe(1);
    expect(await client.unregisterResource(C, 'securitygroup', 'sg-01')).toBe(true);
    expect(await client.countResources('securitygroup', C)).toBe(0);
    const cloudOnly = await client.listAllResources(C, 'securitygroup');
    expect(cloudOnly.MappedList).toEqual([]);
    expect(cloudOnly.OnlyCSPList.map((i) => i.SystemId)).toEqual([base.sg.SystemId]);
    const onlyCspInfo = (await client.listAllResourceInfos(C, 'securitygroup')).AllListInfo.OnlyCSPInfoList;
    expect(onlyCspInfo.map((g) => g.IId.SystemId)).toEqual([base.sg.SystemId]);

    const back = await client.registerResource(C, 'securitygroup', { Name: 'sg-back', CSPId: base.sg.SystemId });
    expect(back.IId).toEqual({ NameId: 'sg-back', SystemId: base.sg.SystemId });
    expect(back.VpcIID).toEqual(base.vpc);
    expect(back.SecurityRules[0]).toMatchObject({ FromPort: '22', IPProtocol: 'TCP' });
    expect(await client.countResources('securitygroup', C)).toBe(1);
    expect(await client.countResources('subnet', C)).toBe(2);
    expect(await client.countResources('vm')).toBeGreaterThanOrEqual(1);
  });

  it('maps register errors to ALREADY_EXISTS, NOT_FOUND and INVALID_ARGUMENT, leaving nothing behind', async () => {
    const { client } = spider;
    const again = client.registerResource(C, 'securitygroup', { Name: 'sg-back', CSPId: base.sg.SystemId });
    await expect(again).rejects.toBeInstanceOf(AlreadyExistsError);
    await expect(again).rejects.toThrow(`Security Group 'sg-back' already exists in connection '${C}'`);
    await expect(client.registerResource(C, 'vpc', { Name: 'vpc-x', CSPId: 'no-such-vpc' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const unknownName = client.unregisterResource(C, 'keypair', 'nope');
    await expect(unknownName).rejects.toBeInstanceOf(NotFoundError);
    await expect(unknownName).rejects.toThrow(`VM KeyPair 'nope' does not exist in connection '${C}'`);

    const noId = client.registerResource(C, 'vpc', { Name: 'vpc-x', CSPId: '' });
    await expect(noId).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(noId).rejects.toThrow("resources.RegisterReqInfo:CSPId's input value is empty!");
    const badType = client.listAllResources(C, 'bucket' as ManagedResourceType);
    await expect(badType).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(badType).rejects.toThrow("resource_type 'bucket' is not one of vpc, securitygroup, keypair, vm,");
    await expect(client.countResources('' as ManagedResourceType)).rejects.toThrow(/^an empty resource_type/);
    await expect(client.listAllResources('no-such-connection', 'vpc')).rejects.toThrow(
      'no-such-connection: does not exist!',
    );
    expect(await client.countResources('vpc', C)).toBe(1);
    expect(await client.countResources('securitygroup', C)).toBe(1);
  });

  it('deletes a cloud-only VM by its cloud id, answering the status the cloud left it in', async () => {
    const { client } = spider;
    const vm = (await client.startVm(C, vmRequest('vm-02', { SecurityGroupNames: ['sg-back'] }))).IId;
    expect(await client.unregisterResource(C, 'vm', 'vm-02')).toBe(true);
    expect((await client.listAllResources(C, 'vm')).OnlyCSPList.map((i) => i.SystemId)).toEqual([vm.SystemId]);
    expect(await client.deleteCspResource(C, 'vm', vm.SystemId)).toEqual({ Result: true, Status: 'Terminating' });
    expect((await client.listAllResources(C, 'vm')).OnlyCSPList).toEqual([]);

    const key = (await client.createKeyPair(C, { Name: 'key-02' })).IId;
    await client.unregisterResource(C, 'keypair', 'key-02');
    expect(await client.deleteCspResource(C, 'keypair', key.SystemId)).toEqual({ Result: true });
    await expect(client.deleteCspResource(C, 'keypair', key.SystemId)).rejects.toBeInstanceOf(NotFoundError);
    const noId = client.deleteCspResource(C, 'vm', '');
    await expect(noId).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(noId).rejects.toThrow('csp_id is required');
  });

  it('unregisters a subnet, registers it back by its cloud id, and deletes a cloud-only subnet', async () => {
    const { client } = spider;
    const subnet2 = base.subnets[1];
    expect(await client.unregisterSubnet(C, 'vpc-01', 'subnet-02')).toBe(true);
    expect(await client.countResources('subnet', C)).toBe(1);
    const vpc = await client.registerSubnet(C, { Name: 'subnet-back', VPCName: 'vpc-01', CSPId: subnet2.SystemId });
    expect(vpc.IId).toEqual(base.vpc);
    expect(vpc.SubnetInfoList.map((s) => s.IId)).toContainEqual({ NameId: 'subnet-back', SystemId: subnet2.SystemId });

    const again = client.registerSubnet(C, { Name: 'subnet-back', VPCName: 'vpc-01', CSPId: subnet2.SystemId });
    await expect(again).rejects.toBeInstanceOf(AlreadyExistsError);
    await expect(again).rejects.toThrow(`Subnet 'subnet-back' already exists in connection '${C}'`);
    const unknown = client.registerSubnet(C, { Name: 'subnet-x', VPCName: 'vpc-01', CSPId: 'no-such-subnet' });
    await expect(unknown).rejects.toBeInstanceOf(NotFoundError);
    await expect(unknown).rejects.toThrow(/Subnet 'no-such-subnet' does not exist/);
    const noVpc = client.unregisterSubnet(C, '', 'subnet-back');
    await expect(noVpc).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(noVpc).rejects.toThrow("resources.SubnetUnregisterReqInfo:VPCName's input value is empty!");
    expect(await client.countResources('subnet', C)).toBe(2);

    expect(await client.unregisterSubnet(C, 'vpc-01', 'subnet-back')).toBe(true);
    expect(await client.deleteCspSubnet(C, 'vpc-01', subnet2.SystemId)).toBe(true);
    expect(names((await client.getVpc(C, 'vpc-01')).SubnetInfoList.map((s) => s.IId))).toEqual(['subnet-01']);
    await expect(client.deleteCspSubnet(C, 'vpc-01', subnet2.SystemId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('answers the owner VPC of a security group, NLB or cluster, and what a VM uses, by cloud id', async () => {
    const { client } = spider;
    expect(await client.getCspResourceOwner(C, 'securitygroup', base.sg.SystemId)).toEqual(base.vpc);
    expect(await client.getCspResourceOwner(C, 'nlb', nlb.SystemId)).toEqual(base.vpc);
    expect(await client.getCspResourceOwner(C, 'cluster', cluster.SystemId)).toEqual(base.vpc);
    const vm = base.vms['vm-01'];
    expect(await client.getVmUsingResources(C, vm.SystemId)).toEqual({
      VPC: base.vpc,
      SGList: [{ NameId: 'sg-back', SystemId: base.sg.SystemId }],
      VMKey: base.key,
    });
    expect(await client.getCspVm(C, vm.SystemId)).toEqual(await client.getVm(C, 'vm-01'));

    await expect(client.getCspResourceOwner(C, 'nlb', 'no-such-nlb')).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.getCspVm(C, 'no-such-vm')).rejects.toBeInstanceOf(NotFoundError);
    const notOwned = client.getCspResourceOwner(C, 'vm' as 'nlb', vm.SystemId);
    await expect(notOwned).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(notOwned).rejects.toThrow("resource_type 'vm' is not one of securitygroup, nlb, cluster");
    await expect(client.getVmUsingResources(C, '')).rejects.toThrow('csp_id is required');
  });
});
