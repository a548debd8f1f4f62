import type { DiskHandler, DiskInfo, KeyValue } from '@cb/driver-sdk';
import { ConflictError } from '@cb/errors';
import { required } from '../calls';
import { type ConnectionScope, driverIid } from './connection-scope';
import { cloudNameFor } from './id-transform';
import { alreadyExists } from './kinds';
import { deleteThroughCloud, type ManagedKind } from './managed-kind';
import { NameBook } from './name-book';
import { recordCreated } from './record-created';

export interface DiskRequest {
  Name: string;
  Zone?: string;
  /** `default` (or nothing) lets the cloud choose. */
  DiskType?: string;
  DiskSize?: string;
  TagList?: KeyValue[];
}

const handler = (scope: ConnectionScope) => (cloud: { disk(): DiskHandler | undefined }) =>
  required(cloud.disk(), 'disks', scope.provider);

/** Disks: create, look, resize, attach to and detach from VMs, delete (upstream's DiskManager). */
export const disks = {
  async create(scope: ConnectionScope, req: DiskRequest, idTransform: boolean): Promise<DiskInfo> {
    await scope.ensureFree('disk', req.Name);
    const label = { resourceType: 'disk', resourceName: req.Name, operation: 'createDisk' };
    const info = await scope.call(label, (c) =>
      handler(scope)(c).createDisk({
        IId: { NameId: cloudNameFor('disk', req.Name, idTransform), SystemId: '' },
        DiskType: req.DiskType || 'default',
        DiskSize: req.DiskSize || 'default',
        ...(req.Zone ? { Zone: req.Zone } : {}),
        ...(req.TagList ? { TagList: req.TagList } : {}),
      }),
    );
    await recordCreated(
      scope,
      (em) =>
        scope.iids.insert(
          'disk',
          scope.newRow(req.Name, info.IId, '', info.Zone ?? req.Zone ?? ''),
          () => alreadyExists('disk', req.Name, scope.name),
          em,
        ),
      () => scope.call({ ...label, operation: 'deleteDisk' }, (c) => handler(scope)(c).deleteDisk(info.IId)),
    );
    return this.toUser(scope, info);
  },

  async list(scope: ConnectionScope): Promise<DiskInfo[]> {
    const rows = await scope.iids.list('disk', scope.name);
    if (!rows.length) return [];
    const infos = await scope.call({ resourceType: 'disk', operation: 'listDisk' }, (c) =>
      handler(scope)(c).listDisk(),
    );
    const book = await NameBook.load(scope, ['disk', 'vm']);
    return infos.filter((i) => book.rowOf('disk', i.IId)).map((i) => toUserWith(book, i));
  },

  async get(scope: ConnectionScope, name: string): Promise<DiskInfo> {
    const row = await scope.row('disk', name);
    const info = await scope.call({ resourceType: 'disk', resourceName: name, operation: 'getDisk' }, (c) =>
      handler(scope)(c).getDisk(driverIid(row)),
    );
    return this.toUser(scope, info);
  },

  async changeSize(scope: ConnectionScope, name: string, size: string): Promise<boolean> {
    const row = await scope.row('disk', name);
    return scope.call({ resourceType: 'disk', resourceName: name, operation: 'changeDiskSize' }, (c) =>
      handler(scope)(c).changeDiskSize(driverIid(row), size),
    );
  },

  async attach(scope: ConnectionScope, name: string, vmName: string): Promise<DiskInfo> {
    const row = await scope.row('disk', name);
    const vm = await scope.row('vm', vmName);
    const info = await scope.call({ resourceType: 'disk', resourceName: name, operation: 'attachDisk' }, (c) =>
      handler(scope)(c).attachDisk(driverIid(row), driverIid(vm)),
    );
    return this.toUser(scope, info);
  },

  async detach(scope: ConnectionScope, name: string, vmName: string): Promise<boolean> {
    const row = await scope.row('disk', name);
    const vm = await scope.row('vm', vmName);
    return scope.call({ resourceType: 'disk', resourceName: name, operation: 'detachDisk' }, (c) =>
      handler(scope)(c).detachDisk(driverIid(row), driverIid(vm)),
    );
  },

  /**
   * A disk attached to a VM is refused (the VM would lose it); detach it, delete the VM, or force. Asked of
   * the cloud first, so the answer names the user's VM whatever the driver's own wording.
   */
  async delete(scope: ConnectionScope, name: string, force: boolean): Promise<boolean> {
    const row = await scope.row('disk', name);
    if (!force) {
      const info = await this.get(scope, name).catch((error: { code?: string }) => {
        if (error.code === 'NOT_FOUND') return undefined;
        throw error;
      });
      if (info?.Status === 'Attached' || info?.OwnerVM?.NameId) {
        throw new ConflictError(
          `Disk '${name}' is attached to VM '${info.OwnerVM?.NameId ?? ''}' in connection '${scope.name}'; detach it first or use force`,
        );
      }
    }
    await deleteThroughCloud(scope, 'disk', row, force, () =>
      scope.call({ resourceType: 'disk', resourceName: name, operation: 'deleteDisk' }, (c) =>
        handler(scope)(c).deleteDisk(driverIid(row)),
      ),
    );
    return true;
  },

  async toUser(scope: ConnectionScope, info: DiskInfo): Promise<DiskInfo> {
    return toUserWith(await NameBook.load(scope, ['disk', 'vm']), info);
  },
};

function toUserWith(book: NameBook, info: DiskInfo): DiskInfo {
  return {
    ...info,
    IId: book.user('disk', info.IId),
    ...(info.OwnerVM?.NameId || info.OwnerVM?.SystemId ? { OwnerVM: book.user('vm', info.OwnerVM) } : {}),
  };
}

export const diskKind: ManagedKind<DiskInfo> = {
  kind: 'disk',
  resourceType: 'disk',
  listIID: (cloud) => required(cloud.disk(), 'disks', 'this').listIID(),
  get: (cloud, iid) => required(cloud.disk(), 'disks', 'this').getDisk(iid),
  remove: (cloud, iid) => required(cloud.disk(), 'disks', 'this').deleteDisk(iid),
  toUser: (scope, info) => disks.toUser(scope, info),
};
