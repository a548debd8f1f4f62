import {
  DriverError,
  type IID,
  type StartedVMInfo,
  type VMHandler,
  type VMInfo,
  type VMReqInfo,
  type VMStatus,
  type VMStatusInfo,
} from '@cb/driver-sdk';
import type { VMRecord } from '../state/mock-cloud';
import { type MockEnv, nowIso } from './mock-env';
import { requireName } from './vpc-handler';

// Upstream's mock answers these addresses for every VM; clients' scripts print them.
const PUBLIC_IP = '4.3.2.1';
const PRIVATE_IP = '1.2.3.4';

/**
 * VMs boot in `VmBootMs` (0 = at once, as upstream), or never when drawn as stuck (`VmStuckRate`). Control
 * calls flip the status at once and answer the transitional value, as upstream's mock does.
 */
export class MockVMHandler implements VMHandler {
  constructor(private readonly env: MockEnv) {}

  async startVM(req: VMReqInfo): Promise<StartedVMInfo> {
    requireName(req.IId, 'VM');
    const { cloud, config, clock } = this.env;
    if (cloud.vms.has(req.IId)) throw new DriverError('ALREADY_EXISTS', `VM '${req.IId.NameId}' already exists`);
    if (!req.VMSpecName) throw new DriverError('INVALID_ARGUMENT', 'VMSpecName is empty');

    const image =
      req.ImageType === 'MyImage' ? cloud.myImages.get(req.ImageIID).IId : this.env.images.get(req.ImageIID).IId;
    this.env.specs.get(req.VMSpecName);
    const vpc = cloud.vpcs.get(req.VpcIID);
    const subnet = vpc.SubnetInfoList.find((s) => s.IId.NameId === req.SubnetIID.NameId);
    if (!subnet)
      throw new DriverError('NOT_FOUND', `subnet '${req.SubnetIID.NameId}' does not exist in VPC '${vpc.IId.NameId}'`);
    const securityGroups = (req.SecurityGroupIIDs ?? []).map((sg) => cloud.securityGroups.get(sg).IId);
    const key = cloud.keyPairs.get(req.KeyPairIID).IId;
    const dataDisks = (req.DataDiskIIDs ?? []).map((d) => cloud.disks.ref(d));
    for (const disk of dataDisks) {
      if (disk.Status !== 'Available') throw new DriverError('CONFLICT', `disk '${disk.IId.NameId}' is ${disk.Status}`);
    }

    // Draw only when stuck VMs are configured, so other settings keep the same random sequence.
    const stuck = config.vmStuckRate > 0 && cloud.random() < config.vmStuckRate;
    const id = { NameId: req.IId.NameId, SystemId: req.IId.NameId };
    for (const disk of dataDisks) Object.assign(disk, { Status: 'Attached', OwnerVM: id });
    const record: VMRecord = {
      IId: id,
      StartTime: nowIso(this.env),
      Region: { ...this.env.region },
      ImageType: req.ImageType ?? 'PublicImage',
      ImageIId: image,
      VMSpecName: req.VMSpecName,
      VpcIID: vpc.IId,
      SubnetIID: subnet.IId,
      SecurityGroupIIds: securityGroups,
      KeyPairIId: key,
      RootDiskType: req.RootDiskType && req.RootDiskType !== 'default' ? req.RootDiskType : 'SSD',
      RootDiskSize: req.RootDiskSize && req.RootDiskSize !== 'default' ? req.RootDiskSize : '32',
      RootDeviceName: '/dev/sda1',
      DataDiskIIDs: dataDisks.map((d) => d.IId),
      VMBootDisk: '/dev/sda1',
      VMBlockDisk: '/dev/sda1',
      VMUserId: req.VMUserId ?? '',
      NICs: [{ IId: { NameId: 'mockni0', SystemId: 'mockni0' }, DeviceIndex: 0 }],
      NetworkInterface: 'mockni0',
      PublicIP: '',
      PublicDNS: `${id.NameId}.spider.barista.com`,
      PrivateIP: '',
      PrivateDNS: `${id.NameId}.spider.barista.com`,
      Platform: '',
      AccessPoint: '',
      ...(req.TagList?.length ? { TagList: req.TagList } : {}),
      state: {
        status: 'Creating',
        readyAt: clock.now() + config.vmBootMs,
        stuck,
        publicIP: PUBLIC_IP,
        privateIP: PRIVATE_IP,
      },
    };
    cloud.vms.insert(record);
    const created = this.current(id);
    return { ...this.toInfo(created), VmStatus: created.state.status };
  }

  async suspendVM(vmIID: IID): Promise<VMStatus> {
    const vm = this.current(vmIID);
    this.refuseWhileCreating(vm, 'suspend');
    vm.state.status = 'Suspended';
    return 'Suspending';
  }

  async resumeVM(vmIID: IID): Promise<VMStatus> {
    const vm = this.current(vmIID);
    this.refuseWhileCreating(vm, 'resume');
    vm.state.status = 'Running';
    return 'Resuming';
  }

  async rebootVM(vmIID: IID): Promise<VMStatus> {
    const vm = this.current(vmIID);
    this.refuseWhileCreating(vm, 'reboot');
    if (vm.state.status === 'Suspended') throw new DriverError('CONFLICT', 'reboot not supported in SUSPENDED status');
    return 'Rebooting';
  }

  /** Removes the VM at once and frees its disks; the answer is the transitional status. */
  async terminateVM(vmIID: IID): Promise<VMStatus> {
    const vm = this.env.cloud.vms.delete(vmIID);
    for (const disk of this.env.cloud.disks.values()) {
      if (disk.OwnerVM?.NameId === vm.IId.NameId) {
        disk.Status = 'Available';
        delete disk.OwnerVM;
      }
    }
    return 'Terminating';
  }

  async listVMStatus(): Promise<VMStatusInfo[]> {
    return this.env.cloud.vms.iids().map((iid) => ({ IId: iid, VmStatus: this.current(iid).state.status }));
  }

  async getVMStatus(vmIID: IID): Promise<VMStatus> {
    return this.current(vmIID).state.status;
  }

  async listVM(): Promise<VMInfo[]> {
    return this.env.cloud.vms.iids().map((iid) => this.toInfo(this.current(iid)));
  }

  async getVM(vmIID: IID): Promise<VMInfo> {
    return this.toInfo(this.current(vmIID));
  }

  async listIID(): Promise<IID[]> {
    return this.env.cloud.vms.iids();
  }

  /** The stored VM with its boot progressed to now. */
  private current(vmIID: IID): VMRecord {
    const vm = this.env.cloud.vms.ref(vmIID);
    const { state } = vm;
    if (state.status === 'Creating' && !state.stuck && this.env.clock.now() >= state.readyAt) state.status = 'Running';
    return vm;
  }

  private refuseWhileCreating(vm: VMRecord, action: string): void {
    if (vm.state.status === 'Creating') {
      throw new DriverError('CONFLICT', `cannot ${action} VM '${vm.IId.NameId}' while it is Creating`);
    }
  }

  /** The VM as answered: addresses appear once it has booted. */
  private toInfo(vm: VMRecord): VMInfo {
    const { state, ...info } = structuredClone(vm);
    const booted = state.status !== 'Creating';
    return { ...info, PublicIP: booted ? state.publicIP : '', PrivateIP: booted ? state.privateIP : '' };
  }
}
