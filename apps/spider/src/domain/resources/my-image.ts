import type { KeyValue, MyImageHandler, MyImageInfo } from '@cb/driver-sdk';
import { required } from '../calls';
import { type ConnectionScope, driverIid } from './connection-scope';
import { cloudNameFor } from './id-transform';
import { alreadyExists } from './kinds';
import { deleteThroughCloud, type ManagedKind } from './managed-kind';
import { NameBook } from './name-book';
import { recordCreated } from './record-created';

export interface MyImageRequest {
  Name: string;
  /** The user's name of the VM to snapshot. */
  SourceVM: string;
  TagList?: KeyValue[];
}

const handler = (scope: ConnectionScope) => (cloud: { myImage(): MyImageHandler | undefined }) =>
  required(cloud.myImage(), 'my-images', scope.provider);

/** Images the user made from a VM (upstream's MyImage: a VM snapshot). */
export const myImages = {
  async create(scope: ConnectionScope, req: MyImageRequest, idTransform: boolean): Promise<MyImageInfo> {
    await scope.ensureFree('myimage', req.Name);
    const vm = await scope.row('vm', req.SourceVM);
    const label = { resourceType: 'myimage', resourceName: req.Name, operation: 'snapshotVM' };
    const info = await scope.call(label, (c) =>
      handler(scope)(c).snapshotVM({
        IId: { NameId: cloudNameFor('myimage', req.Name, idTransform), SystemId: '' },
        SourceVM: driverIid(vm),
        ...(req.TagList ? { TagList: req.TagList } : {}),
      }),
    );
    await recordCreated(
      scope,
      (em) =>
        scope.iids.insert(
          'myimage',
          scope.newRow(req.Name, info.IId),
          () => alreadyExists('myimage', req.Name, scope.name),
          em,
        ),
      () => scope.call({ ...label, operation: 'deleteMyImage' }, (c) => handler(scope)(c).deleteMyImage(info.IId)),
    );
    return this.toUser(scope, info);
  },

  async list(scope: ConnectionScope): Promise<MyImageInfo[]> {
    const rows = await scope.iids.list('myimage', scope.name);
    if (!rows.length) return [];
    const infos = await scope.call({ resourceType: 'myimage', operation: 'listMyImage' }, (c) =>
      handler(scope)(c).listMyImage(),
    );
    const book = await NameBook.load(scope, ['myimage', 'vm']);
    return infos.filter((i) => book.rowOf('myimage', i.IId)).map((i) => toUserWith(book, i));
  },

  async get(scope: ConnectionScope, name: string): Promise<MyImageInfo> {
    const row = await scope.row('myimage', name);
    const info = await scope.call({ resourceType: 'myimage', resourceName: name, operation: 'getMyImage' }, (c) =>
      handler(scope)(c).getMyImage(driverIid(row)),
    );
    return this.toUser(scope, info);
  },

  async delete(scope: ConnectionScope, name: string, force: boolean): Promise<boolean> {
    const row = await scope.row('myimage', name);
    await deleteThroughCloud(scope, 'myimage', row, force, () =>
      scope.call({ resourceType: 'myimage', resourceName: name, operation: 'deleteMyImage' }, (c) =>
        handler(scope)(c).deleteMyImage(driverIid(row)),
      ),
    );
    return true;
  },

  async toUser(scope: ConnectionScope, info: MyImageInfo): Promise<MyImageInfo> {
    return toUserWith(await NameBook.load(scope, ['myimage', 'vm']), info);
  },
};

function toUserWith(book: NameBook, info: MyImageInfo): MyImageInfo {
  return { ...info, IId: book.user('myimage', info.IId), SourceVM: book.user('vm', info.SourceVM) };
}

export const myImageKind: ManagedKind<MyImageInfo> = {
  kind: 'myimage',
  resourceType: 'myimage',
  listIID: (cloud) => required(cloud.myImage(), 'my-images', 'this').listIID(),
  get: (cloud, iid) => required(cloud.myImage(), 'my-images', 'this').getMyImage(iid),
  remove: (cloud, iid) => required(cloud.myImage(), 'my-images', 'this').deleteMyImage(iid),
  toUser: (scope, info) => myImages.toUser(scope, info),
};
