import type { IID, VMInfo } from '@cb/driver-sdk';
import type { ConnectionScope } from './connection-scope';
import { clusterKind } from './cluster';
import type { ManagedKind } from './managed-kind';
import { NameBook } from './name-book';
import { nlbKind } from './nlb';
import { securityGroupKind } from './security-group';

/** What a VM found in the cloud uses, for registering it (upstream's `/getvmusingresources`). */
export interface VmUsingResources {
  VPC: IID;
  SGList: IID[];
  VMKey: IID;
}

const fromCloud = <I>(scope: ConnectionScope, kind: ManagedKind<I>, cspId: string): Promise<I> =>
  scope.call({ resourceType: kind.resourceType, resourceName: cspId, operation: 'get' }, (c) =>
    kind.get(c, { NameId: '', SystemId: cspId }),
  );

/**
 * Questions about resources the cloud has and spider may not know yet, asked by their cloud ids before
 * registering them: which VPC owns a security group, NLB or cluster; what a VM uses. IIDs spider knows come
 * back with the user's names, the others with the cloud's.
 */
export const cloudLookup = {
  async securityGroupOwner(scope: ConnectionScope, cspId: string): Promise<IID> {
    const info = await fromCloud(scope, securityGroupKind, cspId);
    return (await NameBook.load(scope, ['vpc'])).user('vpc', info.VpcIID);
  },

  async nlbOwner(scope: ConnectionScope, cspId: string): Promise<IID> {
    const info = await fromCloud(scope, nlbKind, cspId);
    return (await NameBook.load(scope, ['vpc'])).user('vpc', info.VpcIID);
  },

  async clusterOwner(scope: ConnectionScope, cspId: string): Promise<IID> {
    const info = await fromCloud(scope, clusterKind, cspId);
    return (await NameBook.load(scope, ['vpc'])).user('vpc', info.Network.VpcIID);
  },

  /** The cloud's VM by its id, with the user's names where spider knows them (upstream's `GET /cspvm/:Id`). */
  async vm(scope: ConnectionScope, vmKind: ManagedKind<VMInfo>, cspId: string): Promise<VMInfo> {
    return vmKind.toUser(scope, await fromCloud(scope, vmKind, cspId));
  },

  /** What the cloud's VM (by its id) uses, for `/getvmusingresources`. */
  async vmUsingResources(
    scope: ConnectionScope,
    vmKind: ManagedKind<VMInfo>,
    cspId: string,
  ): Promise<VmUsingResources> {
    const vm = await fromCloud(scope, vmKind, cspId);
    const book = await NameBook.load(scope, ['vpc', 'sg', 'keypair']);
    return {
      VPC: book.user('vpc', vm.VpcIID),
      SGList: book.users('sg', vm.SecurityGroupIIds),
      VMKey: book.user('keypair', vm.KeyPairIId),
    };
  },
};
