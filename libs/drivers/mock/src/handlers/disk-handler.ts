import { DriverError, type DiskHandler, type DiskInfo, type DiskReqInfo, type IID } from '@cb/driver-sdk';
import { type MockEnv, nowIso } from './mock-env';
import { requireName } from './vpc-handler';

/** `default` type is SSD and `default` size 512 GB, as upstream's mock. */
export class MockDiskHandler implements DiskHandler {
  constructor(private readonly env: MockEnv) {}

  async createDisk(req: DiskReqInfo): Promise<DiskInfo> {
    requireName(req.IId, 'disk');
    const size = !req.DiskSize || req.DiskSize === 'default' ? '512' : sizeOf(req.DiskSize);
    return this.env.cloud.disks.insert({
      IId: { NameId: req.IId.NameId, SystemId: req.IId.NameId },
      Zone: req.Zone || this.env.region.Zone || '',
      DiskType: !req.DiskType || req.DiskType === 'default' ? 'SSD' : req.DiskType,
      DiskSize: size,
      Status: 'Available',
      CreatedTime: nowIso(this.env),
      ...(req.TagList?.length ? { TagList: req.TagList } : {}),
    });
  }

  async listDisk(): Promise<DiskInfo[]> {
    return this.env.cloud.disks.list();
  }

  async getDisk(diskIID: IID): Promise<DiskInfo> {
    return this.env.cloud.disks.get(diskIID);
  }

  /** Disks only grow, as on every real cloud. */
  async changeDiskSize(diskIID: IID, size: string): Promise<boolean> {
    const disk = this.env.cloud.disks.ref(diskIID);
    const wanted = sizeOf(size);
    if (Number(wanted) <= Number(disk.DiskSize)) {
      throw new DriverError(
        'INVALID_ARGUMENT',
        `new size ${wanted} GB must be larger than the current ${disk.DiskSize} GB`,
      );
    }
    disk.DiskSize = wanted;
    return true;
  }

  async deleteDisk(diskIID: IID): Promise<boolean> {
    const disk = this.env.cloud.disks.ref(diskIID);
    if (disk.Status === 'Attached') throw new DriverError('CONFLICT', `disk '${disk.IId.NameId}' is attached`);
    this.env.cloud.disks.delete(diskIID);
    return true;
  }

  async attachDisk(diskIID: IID, vmIID: IID): Promise<DiskInfo> {
    const disk = this.env.cloud.disks.ref(diskIID);
    const vm = this.env.cloud.vms.ref(vmIID);
    if (disk.Status !== 'Available') throw new DriverError('CONFLICT', `disk '${disk.IId.NameId}' is ${disk.Status}`);
    disk.Status = 'Attached';
    disk.OwnerVM = { ...vm.IId };
    vm.DataDiskIIDs = [...(vm.DataDiskIIDs ?? []), { ...disk.IId }];
    return structuredClone(disk);
  }

  async detachDisk(diskIID: IID, vmIID: IID): Promise<boolean> {
    const disk = this.env.cloud.disks.ref(diskIID);
    const vm = this.env.cloud.vms.ref(vmIID);
    if (disk.OwnerVM?.NameId !== vm.IId.NameId) {
      throw new DriverError('CONFLICT', `disk '${disk.IId.NameId}' is not attached to VM '${vm.IId.NameId}'`);
    }
    disk.Status = 'Available';
    delete disk.OwnerVM;
    vm.DataDiskIIDs = (vm.DataDiskIIDs ?? []).filter((d) => d.NameId !== disk.IId.NameId);
    return true;
  }

  async listIID(): Promise<IID[]> {
    return this.env.cloud.disks.iids();
  }
}

function sizeOf(size: string): string {
  if (!/^[1-9]\d*$/.test(size))
    throw new DriverError('INVALID_ARGUMENT', `disk size '${size}' is not a whole number of GB`);
  return size;
}
