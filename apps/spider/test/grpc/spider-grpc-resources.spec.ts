import { AlreadyExistsError, InvalidArgumentError, NotFoundError } from '@cb/errors';
import type { VMInfo } from '@cb/driver-sdk';
import { startGrpcSpider, type GrpcSpiderUnderTest } from './grpc-harness';

const C = 'mock-config01';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('spider gRPC: connections and the VPC / SG / key pair / VM lifecycle through @cb/spider-client', () => {
  let spider: GrpcSpiderUnderTest;

  beforeAll(async () => {
    spider = await startGrpcSpider();
    await spider.registerMock(C);
    await spider.registerMock('mock-config02');
  });
  afterAll(() => spider?.stop());

  it('lists and gets the registered connection configs', async () => {
    const configs = await spider.client.listConnectionConfigs();
    expect(configs.map((c) => c.ConfigName).sort()).toEqual([C, 'mock-config02']);
    const one = await spider.client.getConnectionConfig(C);
    expect(one).toMatchObject({ ConfigName: C, ProviderName: 'MOCK' });
    expect(one.DriverName).toBe(configs.find((c) => c.ConfigName === C)!.DriverName);
  });

  it('runs upstream mock-full_test sequence: create, read, control and tear down', async () => {
    const { client } = spider;
    const vpc = await client.createVpc(C, {
      Name: 'vpc-01',
      IPv4_CIDR: '192.168.0.0/16',
      SubnetInfoList: [{ Name: 'subnet-01', IPv4_CIDR: '192.168.1.0/24' }],
    });
    expect(vpc.IId.NameId).toBe('vpc-01');
    expect(vpc.IId.SystemId).toMatch(/^vpc-01-[0-9a-v]{20}$/);
    const withTwo = await client.addSubnet(C, 'vpc-01', { Name: 'subnet-02', IPv4_CIDR: '192.168.2.0/24' });
    expect(withTwo.SubnetInfoList.map((s) => s.IId.NameId).sort()).toEqual(['subnet-01', 'subnet-02']);
    expect((await client.listVpcs(C)).map((v) => v.IId.NameId)).toEqual(['vpc-01']);

    const sg = await client.createSecurityGroup(C, {
      Name: 'sg-01',
      VPCName: 'vpc-01',
      SecurityRules: [{ FromPort: '1', ToPort: '65535', IPProtocol: 'tcp', Direction: 'inbound', CIDR: '0.0.0.0/0' }],
    });
    expect(sg.VpcIID.NameId).toBe('vpc-01');
    expect(sg.SecurityRules[0].IPProtocol).toBe('TCP'); // upstream's normalisation
    expect((await client.listSecurityGroups(C, 'vpc-01')).map((g) => g.IId.NameId)).toEqual(['sg-01']);

    const key = await client.createKeyPair(C, { Name: 'keypair-01' });
    expect(key.PrivateKey).toBe('XXXXPrivateKey'); // once, at creation
    const keyAgain = await client.getKeyPair(C, 'keypair-01');
    expect(keyAgain.PrivateKey).toBe('Hidden for security.');

    const vm = await client.startVm(C, {
      Name: 'vm-01',
      ImageName: 'mock-vmimage-01',
      VPCName: 'vpc-01',
      SubnetName: 'subnet-01',
      SecurityGroupNames: ['sg-01'],
      VMSpecName: 'mock-vmspec-01',
      KeyPairName: 'keypair-01',
    });
    expect(vm).toMatchObject<Partial<VMInfo>>({
      PublicIP: '4.3.2.1',
      PrivateIP: '1.2.3.4',
      VMSpecName: 'mock-vmspec-01',
    });
    expect(vm.VpcIID.NameId).toBe('vpc-01');
    expect(vm.SecurityGroupIIds.map((g) => g.NameId)).toEqual(['sg-01']);
    expect(vm.KeyPairIId.NameId).toBe('keypair-01');

    expect((await client.getVm(C, 'vm-01')).IId).toEqual(vm.IId);
    expect((await collect(client.listVms(C))).map((v) => v.IId.NameId)).toEqual(['vm-01']);
    expect(await client.getVmStatus(C, 'vm-01')).toBe('Running');
    expect(await client.listVmStatuses(C)).toEqual([{ IId: vm.IId, VmStatus: 'Running' }]);

    expect(await client.controlVm(C, 'vm-01', 'suspend')).toBe('Suspending');
    expect(await client.getVmStatus(C, 'vm-01')).toBe('Suspended');
    expect(await client.controlVm(C, 'vm-01', 'resume')).toBe('Resuming');
    expect(await client.controlVm(C, 'vm-01', 'reboot')).toBe('Rebooting');
    expect(await client.terminateVm(C, 'vm-01')).toMatch(/^Terminat(ing|ed)$/);
    await expect(client.getVm(C, 'vm-01')).rejects.toBeInstanceOf(NotFoundError);

    expect(await client.deleteKeyPair(C, 'keypair-01')).toBe(true);
    expect(await client.deleteSecurityGroup(C, 'sg-01')).toBe(true);
    expect(await client.removeSubnet(C, 'vpc-01', 'subnet-02')).toBe(true);
    expect(await client.deleteVpc(C, 'vpc-01')).toBe(true);
    expect(await client.listVpcs(C)).toEqual([]);
  });

  it('keeps connections apart: a VPC of one connection is not seen through another', async () => {
    await spider.client.createVpc(C, { Name: 'only-here', IPv4_CIDR: '10.0.0.0/16', SubnetInfoList: [] });
    expect(await spider.client.listVpcs('mock-config02')).toEqual([]);
    await spider.client.deleteVpc(C, 'only-here');
  });

  it('maps domain errors to gRPC statuses and back to the same error classes and upstream texts', async () => {
    const { client } = spider;
    const missing = client.getVpc(C, 'no-such-vpc');
    await expect(missing).rejects.toBeInstanceOf(NotFoundError);
    await expect(missing).rejects.toThrow("VPC 'no-such-vpc' does not exist in connection 'mock-config01'");
    await expect(client.listVpcs('no-such-connection')).rejects.toThrow('no-such-connection: does not exist!');
    await expect(client.listVpcs('')).rejects.toBeInstanceOf(InvalidArgumentError);

    await client.createKeyPair(C, { Name: 'dup-key' });
    const dup = client.createKeyPair(C, { Name: 'dup-key' });
    await expect(dup).rejects.toBeInstanceOf(AlreadyExistsError);
    await expect(dup).rejects.toThrow("VM KeyPair 'dup-key' already exists in connection 'mock-config01'");
    await client.deleteKeyPair(C, 'dup-key');

    const noName = client.createVpc(C, { Name: '', IPv4_CIDR: '10.0.0.0/16', SubnetInfoList: [] });
    await expect(noName).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(noName).rejects.toThrow("resources.VPCReqInfo:Name's input value is empty!");
    const badCidr = client.createVpc(C, { Name: 'v', IPv4_CIDR: '10.0.0.0/99', SubnetInfoList: [] });
    await expect(badCidr).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(client.controlVm(C, 'vm-x', 'explode' as never)).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(await client.listVpcs(C)).toEqual([]); // nothing half-written by the refused calls
  });
});
