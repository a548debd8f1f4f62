import type { CloudConnection, VMReqInfo } from '@cb/driver-sdk';
import { ManualClock } from '../clock';
import { mockConnectionInfo } from '../connection-info';
import { createMockDriver } from '../mock-driver';

const id = (NameId: string) => ({ NameId, SystemId: '' });

async function network(connection: CloudConnection): Promise<(name: string) => VMReqInfo> {
  await connection.vpc()!.createVPC({
    IId: id('vpc-01'),
    IPv4_CIDR: '192.168.0.0/16',
    SubnetInfoList: [{ IId: id('subnet-01'), IPv4_CIDR: '192.168.1.0/24' }],
  });
  await connection.security()!.createSecurity({ IId: id('sg-01'), VpcIID: id('vpc-01'), SecurityRules: [] });
  await connection.keyPair()!.createKey({ IId: id('keypair-01') });
  return (name) => ({
    IId: id(name),
    ImageIID: id('mock-vmimage-01'),
    VpcIID: id('vpc-01'),
    SubnetIID: id('subnet-01'),
    SecurityGroupIIDs: [id('sg-01')],
    VMSpecName: 'mock-vmspec-01',
    KeyPairIID: id('keypair-01'),
  });
}

describe('mock VM lifecycle', () => {
  it("is Running at once with upstream's addresses when no boot time is set", async () => {
    const driver = createMockDriver({ clock: new ManualClock() });
    const connection = await driver.connect(mockConnectionInfo({ MockName: 'instant' }));
    const vm = await connection.vm()!.startVM((await network(connection))('vm-01'));
    expect(vm).toMatchObject({ PublicIP: '4.3.2.1', PrivateIP: '1.2.3.4', RootDiskType: 'SSD', RootDiskSize: '32' });
    expect(vm.Region).toEqual({ Region: 'default' });
    expect(await connection.vm()!.getVMStatus(vm.IId)).toBe('Running');
  });

  it('shows Creating without addresses until VmBootMs has passed', async () => {
    const clock = new ManualClock();
    const driver = createMockDriver({ clock });
    const connection = await driver.connect(mockConnectionInfo({ MockName: 'slow', VmBootMs: '30000' }));
    const vms = connection.vm()!;
    const vm = await vms.startVM((await network(connection))('vm-01'));
    expect(vm.PublicIP).toBe('');
    clock.advance(29_999);
    expect(await vms.getVMStatus(vm.IId)).toBe('Creating');
    await expect(vms.suspendVM(vm.IId)).rejects.toMatchObject({ kind: 'CONFLICT' });
    clock.advance(1);
    expect(await vms.getVMStatus(vm.IId)).toBe('Running');
    expect((await vms.getVM(vm.IId)).PublicIP).toBe('4.3.2.1');
  });

  it('keeps VmStuckRate of the VMs in Creating forever, the same ones for the same seed', async () => {
    const stuckNames = async () => {
      const clock = new ManualClock();
      const connection = await createMockDriver({ clock }).connect(
        mockConnectionInfo({ MockName: 'stuck', VmStuckRate: '0.5', Seed: 's1' }),
      );
      const request = await network(connection);
      for (let i = 0; i < 20; i++) await connection.vm()!.startVM(request(`vm-${i}`));
      clock.advance(86_400_000);
      const statuses = await connection.vm()!.listVMStatus();
      return statuses.filter((s) => s.VmStatus === 'Creating').map((s) => s.IId.NameId);
    };
    const stuck = await stuckNames();
    expect(stuck.length).toBeGreaterThan(0);
    expect(stuck.length).toBeLessThan(20);
    expect(await stuckNames()).toEqual(stuck);
  });

  it('flips control states at once and answers the transitional status, as upstream', async () => {
    const connection = await createMockDriver({ clock: new ManualClock() }).connect(
      mockConnectionInfo({ MockName: 'ctl' }),
    );
    const vms = connection.vm()!;
    const vm = await vms.startVM((await network(connection))('vm-01'));
    expect(await vms.suspendVM(vm.IId)).toBe('Suspending');
    expect(await vms.getVMStatus(vm.IId)).toBe('Suspended');
    expect(await vms.suspendVM(vm.IId)).toBe('Suspending');
    await expect(vms.rebootVM(vm.IId)).rejects.toThrow('reboot not supported in SUSPENDED status');
    expect(await vms.resumeVM(vm.IId)).toBe('Resuming');
    expect(await vms.getVMStatus(vm.IId)).toBe('Running');
    expect(await vms.terminateVM(vm.IId)).toBe('Terminating');
    await expect(vms.getVMStatus(vm.IId)).rejects.toMatchObject({ kind: 'NOT_FOUND' });
  });

  it('names what is missing when a VM cannot start', async () => {
    const connection = await createMockDriver().connect(mockConnectionInfo({ MockName: 'missing' }));
    const request = await network(connection);
    await expect(connection.vm()!.startVM({ ...request('vm'), VMSpecName: 'nope' })).rejects.toThrow(/VM spec 'nope'/);
    await expect(connection.vm()!.startVM({ ...request('vm'), SecurityGroupIIDs: [id('sg-x')] })).rejects.toThrow(
      /Security Group 'sg-x' does not exist/,
    );
  });
});
