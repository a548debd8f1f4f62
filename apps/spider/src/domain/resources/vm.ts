import type { IID, KeyValue, VMHandler, VMInfo, VMStatus } from '@cb/driver-sdk';
import { InvalidArgumentError } from '@cb/errors';
import { required } from '../calls';
import { type ConnectionScope, driverIid, userIid } from './connection-scope';
import { cloudNameFor } from './id-transform';
import { alreadyExists } from './kinds';
import { deleteThroughCloud, type ManagedKind } from './managed-kind';
import { NameBook } from './name-book';
import { recordCreated } from './record-created';
import type { VmEvents } from './vm-events';

export interface VmRequest {
  Name: string;
  ImageType?: 'PublicImage' | 'MyImage';
  ImageName: string;
  VMSpecName: string;
  VPCName: string;
  SubnetName: string;
  SecurityGroupNames: string[];
  KeyPairName: string;
  RootDiskType?: string;
  RootDiskSize?: string;
  DataDiskNames?: string[];
  VMUserId?: string;
  VMUserPasswd?: string;
  TagList?: KeyValue[];
}

export const VM_ACTIONS = ['suspend', 'resume', 'reboot'] as const;
export type VmAction = (typeof VM_ACTIONS)[number];

const handler = (scope: ConnectionScope) => (cloud: { vm(): VMHandler | undefined }) =>
  required(cloud.vm(), 'VMs', scope.provider);

const REFERENCED = ['vm', 'vpc', 'subnet', 'sg', 'keypair', 'disk', 'myimage'] as const;

/** VMs: start, look, control, terminate; every status spider sees change is announced through the outbox. */
export class VmService {
  constructor(private readonly events: VmEvents) {}

  async start(scope: ConnectionScope, req: VmRequest, idTransform: boolean): Promise<VMInfo> {
    await scope.ensureFree('vm', req.Name);
    const vpc = await scope.row('vpc', req.VPCName);
    const subnet = await scope.row('subnet', req.SubnetName, req.VPCName);
    const sgs = await Promise.all(req.SecurityGroupNames.map((name) => scope.row('sg', name)));
    const key = await scope.row('keypair', req.KeyPairName);
    const disks = await Promise.all((req.DataDiskNames ?? []).map((name) => scope.row('disk', name)));
    const image: IID =
      req.ImageType === 'MyImage'
        ? driverIid(await scope.row('myimage', req.ImageName))
        : { NameId: req.ImageName, SystemId: req.ImageName };
    const label = { resourceType: 'vm', resourceName: req.Name, operation: 'startVM' };
    const { VmStatus: statusInAnswer, ...info } = await scope.call(label, (c) =>
      handler(scope)(c).startVM({
        IId: { NameId: cloudNameFor('vm', req.Name, idTransform), SystemId: '' },
        ImageType: req.ImageType ?? 'PublicImage',
        ImageIID: image,
        VpcIID: driverIid(vpc),
        SubnetIID: driverIid(subnet),
        SecurityGroupIIDs: sgs.map(driverIid),
        VMSpecName: req.VMSpecName,
        KeyPairIID: driverIid(key),
        DataDiskIIDs: disks.map(driverIid),
        ...pick(req, ['RootDiskType', 'RootDiskSize', 'VMUserId', 'VMUserPasswd', 'TagList']),
      }),
    );
    // Only when the create answer did not say it: a status call costs the same rate budget as a create.
    const status =
      statusInAnswer ??
      (await scope
        .call({ ...label, operation: 'getVMStatus' }, (c) => handler(scope)(c).getVMStatus(info.IId))
        .catch((): VMStatus => 'Creating'));
    const user = { NameId: req.Name, SystemId: info.IId.SystemId };
    await recordCreated(
      scope,
      async (em) => {
        const row = { ...scope.newRow(req.Name, info.IId, req.VPCName, info.Region?.Zone ?? ''), status };
        await scope.iids.insert('vm', row, () => alreadyExists('vm', req.Name, scope.name), em);
        await this.events.created(em, scope.name, user, status);
      },
      () => scope.call({ ...label, operation: 'terminateVM' }, (c) => handler(scope)(c).terminateVM(info.IId)),
    );
    return this.toUser(scope, info);
  }

  /** A VM the cloud cannot answer for comes back as a stub with only its IID, as upstream (the list never fails for one VM). */
  async list(scope: ConnectionScope): Promise<VMInfo[]> {
    const rows = await scope.iids.list('vm', scope.name);
    if (!rows.length) return [];
    const infos = await scope.call({ resourceType: 'vm', operation: 'listVM' }, (c) => handler(scope)(c).listVM());
    const book = await NameBook.load(scope, [...REFERENCED]);
    return rows.map((row) => {
      const info = infos.find((i) => i.IId.SystemId === row.systemId);
      return info ? toUserWith(book, info) : ({ IId: userIid(row) } as VMInfo);
    });
  }

  async get(scope: ConnectionScope, name: string): Promise<VMInfo> {
    const row = await scope.row('vm', name);
    const info = await scope.call({ resourceType: 'vm', resourceName: name, operation: 'getVM' }, (c) =>
      handler(scope)(c).getVM(driverIid(row)),
    );
    return this.toUser(scope, info);
  }

  /** Every VM of the connection with its status; one the cloud no longer has is `NotExist`. */
  async listStatus(scope: ConnectionScope): Promise<{ IId: IID; VmStatus: VMStatus }[]> {
    const rows = await scope.iids.list('vm', scope.name);
    if (!rows.length) return [];
    const statuses = await scope.call({ resourceType: 'vm', operation: 'listVMStatus' }, (c) =>
      handler(scope)(c).listVMStatus(),
    );
    const answer = rows.map((row) => ({
      IId: userIid(row),
      VmStatus: statuses.find((s) => s.IId.SystemId === row.systemId)?.VmStatus ?? ('NotExist' as VMStatus),
    }));
    await this.observe(
      scope,
      answer.map((a, i) => ({ name: rows[i].nameId, iid: a.IId, previous: statusOf(rows[i]), status: a.VmStatus })),
    );
    return answer;
  }

  async getStatus(scope: ConnectionScope, name: string): Promise<VMStatus> {
    const row = await scope.row('vm', name);
    const status = await scope.call({ resourceType: 'vm', resourceName: name, operation: 'getVMStatus' }, (c) =>
      handler(scope)(c).getVMStatus(driverIid(row)),
    );
    await this.observe(scope, [{ name, iid: userIid(row), previous: statusOf(row), status }]);
    return status;
  }

  /** Answers the transitional status the cloud returns (Suspending, Resuming, Rebooting). */
  async control(scope: ConnectionScope, name: string, action: string): Promise<VMStatus> {
    if (!(VM_ACTIONS as readonly string[]).includes(action)) {
      throw new InvalidArgumentError(`${action} is not a valid action!!`, { field: 'action' });
    }
    const row = await scope.row('vm', name);
    const operation = `${action}VM` as 'suspendVM' | 'resumeVM' | 'rebootVM';
    const status = await scope.call({ resourceType: 'vm', resourceName: name, operation }, (c) =>
      handler(scope)(c)[operation](driverIid(row)),
    );
    await this.observe(scope, [{ name, iid: userIid(row), previous: statusOf(row), status }]);
    return status;
  }

  /** Answers the cloud's status (`Terminating`); with force a cloud failure still drops the VM from spider. */
  async terminate(scope: ConnectionScope, name: string, force: boolean): Promise<VMStatus> {
    const row = await scope.row('vm', name);
    const status = await deleteThroughCloud(
      scope,
      'vm',
      row,
      force,
      () =>
        scope.call({ resourceType: 'vm', resourceName: name, operation: 'terminateVM' }, (c) =>
          handler(scope)(c).terminateVM(driverIid(row)),
        ),
      (em) => this.events.terminated(em, scope.name, userIid(row)).then(() => undefined),
    );
    return status ?? 'Terminated';
  }

  async toUser(scope: ConnectionScope, info: VMInfo): Promise<VMInfo> {
    return toUserWith(await NameBook.load(scope, [...REFERENCED]), info);
  }

  /** Stores the statuses seen and announces each change, in one transaction. */
  private async observe(
    scope: ConnectionScope,
    seen: { name: string; iid: IID; previous: string; status: VMStatus }[],
  ): Promise<void> {
    const changed = seen.filter((s) => s.status !== s.previous);
    if (!changed.length) return;
    await scope.iids.transaction(async (em) => {
      for (const change of changed) {
        await scope.iids.setVmStatus(scope.name, change.name, change.status, em);
        await this.events.statusChanged(em, scope.name, change.iid, change.previous, change.status);
      }
    });
  }
}

/** The driver's VM with the user's names; Linux VMs get upstream's `cb-user` and SSH access point. */
function toUserWith(book: NameBook, info: VMInfo): VMInfo {
  const vpc = book.rowOf('vpc', info.VpcIID);
  return {
    ...info,
    IId: book.user('vm', info.IId),
    ImageIId: info.ImageType === 'MyImage' ? book.user('myimage', info.ImageIId) : info.ImageIId,
    VpcIID: book.user('vpc', info.VpcIID),
    SubnetIID: book.user('subnet', info.SubnetIID, vpc?.nameId),
    SecurityGroupIIds: book.users('sg', info.SecurityGroupIIds),
    KeyPairIId: book.user('keypair', info.KeyPairIId),
    ...(info.DataDiskIIDs ? { DataDiskIIDs: book.users('disk', info.DataDiskIIDs) } : {}),
    VMUserId: info.VMUserId || 'cb-user',
    ...(info.PublicIP && !info.SSHAccessPoint ? { SSHAccessPoint: `${info.PublicIP}:22` } : {}),
  };
}

function pick<T extends object, K extends keyof T>(source: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined && source[key] !== '') out[key] = source[key];
  return out;
}

export const vmKind = (service: VmService): ManagedKind<VMInfo> => ({
  kind: 'vm',
  resourceType: 'vm',
  listIID: (cloud) => required(cloud.vm(), 'VMs', 'this').listIID(),
  get: (cloud, iid) => required(cloud.vm(), 'VMs', 'this').getVM(iid),
  remove: (cloud, iid) => required(cloud.vm(), 'VMs', 'this').terminateVM(iid),
  toUser: (scope, info) => service.toUser(scope, info),
  async ownerOf(scope, info) {
    return (await NameBook.load(scope, ['vpc'])).rowOf('vpc', info.VpcIID)?.nameId ?? '';
  },
});

/** The last status spider saw of a VM row ('' before the first). */
const statusOf = (row: object) => (row as { status?: string }).status ?? '';
