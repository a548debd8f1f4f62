import { expectDriverError, required, type SuiteContext, waitForVMStatus } from './context';
import { createInfra, type Infra, terminateQuietly } from './infra-fixture';

const GONE = ['Terminating', 'Terminated', 'NotExist'];

/** VM lifecycle with its statuses, then the disk and my-image operations that need a VM. */
export function describeVM(ctx: SuiteContext): void {
  const caps = ctx.options.capabilities;
  if (!(caps.VMHandler && caps.VPCHandler && caps.SecurityHandler && caps.KeyPairHandler && caps.ImageHandler)) return;

  describe('VM', () => {
    let infra: Infra;
    beforeAll(async () => {
      infra = await createInfra(ctx, 'vmset');
    });
    afterAll(async () => {
      await infra?.remove();
    });

    it('starts a VM that reaches Running, then suspends, resumes, reboots and terminates it', async () => {
      const vm = required(ctx.connection.vm(), 'VMHandler');
      const started = await vm.startVM(infra.vmRequest('vm'));
      try {
        expect(started.IId.NameId).toBe(ctx.name('vm'));
        expect(started.IId.SystemId).toBeTruthy();
        expect(started.VpcIID.NameId).toBe(infra.vpcIID.NameId);
        await waitForVMStatus(ctx, started.IId, 'Running');
        const running = await vm.getVM(started.IId);
        expect(running.PublicIP || running.PrivateIP).toBeTruthy();
        expect((await vm.listVMStatus()).find((s) => s.IId.NameId === started.IId.NameId)?.VmStatus).toBe('Running');

        expect(await vm.suspendVM(started.IId)).toBe('Suspending');
        await waitForVMStatus(ctx, started.IId, 'Suspended');
        expect(await vm.resumeVM(started.IId)).toBe('Resuming');
        await waitForVMStatus(ctx, started.IId, 'Running');
        expect(await vm.rebootVM(started.IId)).toBe('Rebooting');
        await waitForVMStatus(ctx, started.IId, 'Running');
        expect(GONE).toContain(await vm.terminateVM(started.IId));
      } finally {
        await terminateQuietly(ctx, started.IId);
      }
      const after = await vm.getVMStatus(started.IId).catch((error: { kind?: string }) => error.kind);
      expect([...GONE, 'NOT_FOUND']).toContain(after);
    });

    it('refuses a duplicate VM name and a VM on an unknown image', async () => {
      const vm = required(ctx.connection.vm(), 'VMHandler');
      const started = await vm.startVM(infra.vmRequest('vm-dup'));
      try {
        await expectDriverError(vm.startVM(infra.vmRequest('vm-dup')), 'ALREADY_EXISTS');
      } finally {
        await terminateQuietly(ctx, started.IId);
      }
      const badImage = { ...infra.vmRequest('vm-bad-image'), ImageIID: ctx.iid('no-such-image') };
      await expectDriverError(vm.startVM(badImage), 'NOT_FOUND');
      await expectDriverError(vm.getVM(ctx.iid('no-such-vm')), 'NOT_FOUND');
    });

    if (caps.DiskHandler) {
      it('creates a disk, attaches it to a VM, detaches it, grows it and deletes it', async () => {
        const vm = required(ctx.connection.vm(), 'VMHandler');
        const disks = required(ctx.connection.disk(), 'DiskHandler');
        const started = await vm.startVM(infra.vmRequest('vm-disk'));
        try {
          await waitForVMStatus(ctx, started.IId, 'Running');
          const disk = await disks.createDisk({ IId: ctx.iid('disk'), DiskType: 'default', DiskSize: 'default' });
          expect(disk.Status).toBe('Available');
          const attached = await disks.attachDisk(disk.IId, started.IId);
          expect(attached.Status).toBe('Attached');
          expect(attached.OwnerVM?.NameId).toBe(started.IId.NameId);
          expect(await disks.detachDisk(disk.IId, started.IId)).toBe(true);
          expect((await disks.getDisk(disk.IId)).Status).toBe('Available');
          const bigger = String(Number(disk.DiskSize) + 100);
          expect(await disks.changeDiskSize(disk.IId, bigger)).toBe(true);
          expect((await disks.getDisk(disk.IId)).DiskSize).toBe(bigger);
          await expectDriverError(disks.changeDiskSize(disk.IId, '1'), 'INVALID_ARGUMENT');
          expect(await disks.deleteDisk(disk.IId)).toBe(true);
          await expectDriverError(disks.getDisk(disk.IId), 'NOT_FOUND');
        } finally {
          await terminateQuietly(ctx, started.IId);
        }
      });
    }

    if (caps.MyImageHandler) {
      it('snapshots a VM into a my-image and deletes it', async () => {
        const vm = required(ctx.connection.vm(), 'VMHandler');
        const myImages = required(ctx.connection.myImage(), 'MyImageHandler');
        const started = await vm.startVM(infra.vmRequest('vm-snap'));
        try {
          await waitForVMStatus(ctx, started.IId, 'Running');
          const image = await myImages.snapshotVM({ IId: ctx.iid('myimage'), SourceVM: started.IId });
          expect(image.SourceVM.NameId).toBe(started.IId.NameId);
          expect(['Available', 'Unavailable']).toContain(image.Status);
          expect((await myImages.listMyImage()).map((i) => i.IId.NameId)).toContain(image.IId.NameId);
          expect(await myImages.deleteMyImage(image.IId)).toBe(true);
          await expectDriverError(myImages.getMyImage(image.IId), 'NOT_FOUND');
        } finally {
          await terminateQuietly(ctx, started.IId);
        }
      });
    }
  });
}
