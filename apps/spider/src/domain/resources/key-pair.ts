import type { KeyPairHandler, KeyPairInfo, KeyValue } from '@cb/driver-sdk';
import { HIDDEN_FOR_SECURITY } from '@cb/secrets';
import { required } from '../calls';
import { type ConnectionScope, driverIid } from './connection-scope';
import { cloudNameFor } from './id-transform';
import { alreadyExists } from './kinds';
import { deleteThroughCloud, type ManagedKind } from './managed-kind';
import { NameBook } from './name-book';
import { recordCreated } from './record-created';

export interface KeyPairRequest {
  Name: string;
  TagList?: KeyValue[];
}

const handler = (scope: ConnectionScope) => (cloud: { keyPair(): KeyPairHandler | undefined }) =>
  required(cloud.keyPair(), 'key pairs', scope.provider);

/** Keys are shown masked everywhere except in the answer to their creation (upstream, sp#604). */
function masked(info: KeyPairInfo): KeyPairInfo {
  return { ...info, PublicKey: HIDDEN_FOR_SECURITY, PrivateKey: HIDDEN_FOR_SECURITY };
}

export const keyPairs = {
  /** The only answer that carries the private key. */
  async create(scope: ConnectionScope, req: KeyPairRequest, idTransform: boolean): Promise<KeyPairInfo> {
    await scope.ensureFree('keypair', req.Name);
    const cloudName = cloudNameFor('keypair', req.Name, idTransform);
    const label = { resourceType: 'keypair', resourceName: req.Name, operation: 'createKey' };
    const info = await scope.call(label, (c) =>
      handler(scope)(c).createKey({
        IId: { NameId: cloudName, SystemId: '' },
        ...(req.TagList ? { TagList: req.TagList } : {}),
      }),
    );
    await recordCreated(
      scope,
      (em) =>
        scope.iids.insert(
          'keypair',
          scope.newRow(req.Name, info.IId),
          () => alreadyExists('keypair', req.Name, scope.name),
          em,
        ),
      () => scope.call({ ...label, operation: 'deleteKey' }, (c) => handler(scope)(c).deleteKey(info.IId)),
    );
    return { ...info, IId: { NameId: req.Name, SystemId: info.IId.SystemId } };
  },

  async list(scope: ConnectionScope): Promise<KeyPairInfo[]> {
    const rows = await scope.iids.list('keypair', scope.name);
    if (!rows.length) return [];
    const infos = await scope.call({ resourceType: 'keypair', operation: 'listKey' }, (c) =>
      handler(scope)(c).listKey(),
    );
    const book = await NameBook.load(scope, ['keypair']);
    return infos
      .filter((i) => book.rowOf('keypair', i.IId))
      .map((i) => masked({ ...i, IId: book.user('keypair', i.IId) }));
  },

  async get(scope: ConnectionScope, name: string): Promise<KeyPairInfo> {
    const row = await scope.row('keypair', name);
    const info = await scope.call({ resourceType: 'keypair', resourceName: name, operation: 'getKey' }, (c) =>
      handler(scope)(c).getKey(driverIid(row)),
    );
    return masked({ ...info, IId: { NameId: name, SystemId: info.IId.SystemId } });
  },

  async delete(scope: ConnectionScope, name: string, force: boolean): Promise<boolean> {
    const row = await scope.row('keypair', name);
    await deleteThroughCloud(scope, 'keypair', row, force, () =>
      scope.call({ resourceType: 'keypair', resourceName: name, operation: 'deleteKey' }, (c) =>
        handler(scope)(c).deleteKey(driverIid(row)),
      ),
    );
    return true;
  },
};

export const keyPairKind: ManagedKind<KeyPairInfo> = {
  kind: 'keypair',
  resourceType: 'keypair',
  listIID: (cloud) => required(cloud.keyPair(), 'key pairs', 'this').listIID(),
  get: (cloud, iid) => required(cloud.keyPair(), 'key pairs', 'this').getKey(iid),
  remove: (cloud, iid) => required(cloud.keyPair(), 'key pairs', 'this').deleteKey(iid),
  toUser: async (scope, info) =>
    masked({ ...info, IId: (await NameBook.load(scope, ['keypair'])).user('keypair', info.IId) }),
};
