import type {
  HealthCheckerInfo,
  HealthInfo,
  IID,
  KeyValue,
  ListenerInfo,
  NLBHandler,
  NLBInfo,
  VMGroupInfo,
} from '@cb/driver-sdk';
import { required } from '../calls';
import { type ConnectionScope, driverIid } from './connection-scope';
import { cloudNameFor } from './id-transform';
import { alreadyExists } from './kinds';
import { deleteThroughCloud, type ManagedKind } from './managed-kind';
import { NameBook } from './name-book';
import { recordCreated } from './record-created';

export interface NlbRequest {
  Name: string;
  VPCName: string;
  Type: string;
  Scope: string;
  Listener: { Protocol: string; Port: string };
  /** VMs by the user's names; absent, the group takes the listener's protocol and port (upstream). */
  VMGroup?: { Protocol?: string; Port?: string; VMs?: string[] };
  HealthChecker: HealthCheckerInfo;
  TagList?: KeyValue[];
}

const handler = (scope: ConnectionScope) => (cloud: { nlb(): NLBHandler | undefined }) =>
  required(cloud.nlb(), 'NLB', scope.provider);

const label = (name: string, operation: string) => ({ resourceType: 'nlb', resourceName: name, operation });

/** Network load balancers: their listener, VM group and health checker (upstream's NLBManager). */
export const nlbs = {
  async create(scope: ConnectionScope, req: NlbRequest, idTransform: boolean): Promise<NLBInfo> {
    await scope.ensureFree('nlb', req.Name);
    const vpc = await scope.row('vpc', req.VPCName);
    const vms = await Promise.all((req.VMGroup?.VMs ?? []).map((vm) => scope.row('vm', vm)));
    const info = await scope.call(label(req.Name, 'createNLB'), (c) =>
      handler(scope)(c).createNLB({
        IId: { NameId: cloudNameFor('nlb', req.Name, idTransform), SystemId: '' },
        VpcIID: driverIid(vpc),
        Type: req.Type,
        Scope: req.Scope,
        Listener: { ...req.Listener },
        VMGroup: {
          Protocol: req.VMGroup?.Protocol || req.Listener.Protocol,
          Port: req.VMGroup?.Port || req.Listener.Port,
          VMs: vms.map(driverIid),
        },
        HealthChecker: req.HealthChecker,
        ...(req.TagList ? { TagList: req.TagList } : {}),
      }),
    );
    await recordCreated(
      scope,
      (em) =>
        scope.iids.insert(
          'nlb',
          scope.newRow(req.Name, info.IId, req.VPCName),
          () => alreadyExists('nlb', req.Name, scope.name),
          em,
        ),
      () => scope.call(label(req.Name, 'deleteNLB'), (c) => handler(scope)(c).deleteNLB(info.IId)),
    );
    return this.toUser(scope, info);
  },

  async list(scope: ConnectionScope): Promise<NLBInfo[]> {
    const rows = await scope.iids.list('nlb', scope.name);
    if (!rows.length) return [];
    const infos = await scope.call({ resourceType: 'nlb', operation: 'listNLB' }, (c) => handler(scope)(c).listNLB());
    const book = await NameBook.load(scope, ['nlb', 'vpc', 'vm']);
    return infos.filter((i) => book.rowOf('nlb', i.IId)).map((i) => toUserWith(book, i));
  },

  async get(scope: ConnectionScope, name: string): Promise<NLBInfo> {
    const row = await scope.row('nlb', name);
    const info = await scope.call(label(name, 'getNLB'), (c) => handler(scope)(c).getNLB(driverIid(row)));
    return this.toUser(scope, info);
  },

  async delete(scope: ConnectionScope, name: string, force: boolean): Promise<boolean> {
    const row = await scope.row('nlb', name);
    await deleteThroughCloud(scope, 'nlb', row, force, () =>
      scope.call(label(name, 'deleteNLB'), (c) => handler(scope)(c).deleteNLB(driverIid(row))),
    );
    return true;
  },

  /** Answers the whole NLB, as upstream. */
  async addVMs(scope: ConnectionScope, name: string, vmNames: string[]): Promise<NLBInfo> {
    const row = await scope.row('nlb', name);
    const vms = await Promise.all(vmNames.map((vm) => scope.row('vm', vm)));
    await scope.call(label(name, 'addVMs'), (c) => handler(scope)(c).addVMs(driverIid(row), vms.map(driverIid)));
    return this.get(scope, name);
  },

  async removeVMs(scope: ConnectionScope, name: string, vmNames: string[]): Promise<boolean> {
    const row = await scope.row('nlb', name);
    const vms = await Promise.all(vmNames.map((vm) => scope.row('vm', vm)));
    return scope.call(label(name, 'removeVMs'), (c) => handler(scope)(c).removeVMs(driverIid(row), vms.map(driverIid)));
  },

  async changeListener(scope: ConnectionScope, name: string, listener: ListenerInfo): Promise<ListenerInfo> {
    const row = await scope.row('nlb', name);
    return scope.call(label(name, 'changeListener'), (c) => handler(scope)(c).changeListener(driverIid(row), listener));
  },

  /** The group's protocol and port; its VMs change through addVMs / removeVMs. */
  async changeVMGroup(
    scope: ConnectionScope,
    name: string,
    group: { Protocol?: string; Port?: string },
  ): Promise<VMGroupInfo> {
    const row = await scope.row('nlb', name);
    const asked = { Protocol: group.Protocol ?? '', Port: group.Port ?? '' };
    const info = await scope.call(label(name, 'changeVMGroupInfo'), (c) =>
      handler(scope)(c).changeVMGroupInfo(driverIid(row), asked),
    );
    const book = await NameBook.load(scope, ['vm']);
    return { ...info, VMs: book.users('vm', info.VMs) };
  },

  async changeHealthChecker(scope: ConnectionScope, name: string, checker: HealthCheckerInfo) {
    const row = await scope.row('nlb', name);
    return scope.call(label(name, 'changeHealthCheckerInfo'), (c) =>
      handler(scope)(c).changeHealthCheckerInfo(driverIid(row), checker),
    );
  },

  async health(scope: ConnectionScope, name: string): Promise<HealthInfo> {
    const row = await scope.row('nlb', name);
    const info = await scope.call(label(name, 'getVMGroupHealthInfo'), (c) =>
      handler(scope)(c).getVMGroupHealthInfo(driverIid(row)),
    );
    const book = await NameBook.load(scope, ['vm']);
    const users = (iids: IID[]) => book.users('vm', iids);
    return { AllVMs: users(info.AllVMs), HealthyVMs: users(info.HealthyVMs), UnHealthyVMs: users(info.UnHealthyVMs) };
  },

  async toUser(scope: ConnectionScope, info: NLBInfo): Promise<NLBInfo> {
    return toUserWith(await NameBook.load(scope, ['nlb', 'vpc', 'vm']), info);
  },
};

function toUserWith(book: NameBook, info: NLBInfo): NLBInfo {
  return {
    ...info,
    IId: book.user('nlb', info.IId),
    VpcIID: book.user('vpc', info.VpcIID),
    VMGroup: { ...info.VMGroup, VMs: book.users('vm', info.VMGroup?.VMs) },
  };
}

export const nlbKind: ManagedKind<NLBInfo> = {
  kind: 'nlb',
  resourceType: 'nlb',
  listIID: (cloud) => required(cloud.nlb(), 'NLB', 'this').listIID(),
  get: (cloud, iid) => required(cloud.nlb(), 'NLB', 'this').getNLB(iid),
  remove: (cloud, iid) => required(cloud.nlb(), 'NLB', 'this').deleteNLB(iid),
  toUser: (scope, info) => nlbs.toUser(scope, info),
  async ownerOf(scope, info, requested) {
    if (requested) return (await scope.row('vpc', requested)).nameId;
    return (await NameBook.load(scope, ['vpc'])).rowOf('vpc', info.VpcIID)?.nameId ?? '';
  },
};
