import type { KeyValue, SubnetInfo, VPCHandler, VPCInfo } from '@cb/driver-sdk';
import { ConflictError, InvalidArgumentError } from '@cb/errors';
import type { EntityManager } from 'typeorm';
import type { IidRecord } from '../../store/resources';
import { required } from '../calls';
import { type ConnectionScope, driverIid, userIid } from './connection-scope';
import { cloudNameFor } from './id-transform';
import { alreadyExists } from './kinds';
import { deleteThroughCloud, type ManagedKind } from './managed-kind';
import { NameBook } from './name-book';
import { recordCreated } from './record-created';

export interface SubnetRequest {
  Name: string;
  Zone?: string;
  IPv4_CIDR: string;
  TagList?: KeyValue[];
}

export interface VpcRequest {
  Name: string;
  IPv4_CIDR: string;
  SubnetInfoList: SubnetRequest[];
  TagList?: KeyValue[];
}

export const vpcHandler = (scope: ConnectionScope) => (cloud: { vpc(): VPCHandler | undefined }) =>
  required(cloud.vpc(), 'VPC', scope.provider);

/** VPCs and their subnets (upstream's VPC handler plus the vpc and subnet IID tables). */
export const vpcs = {
  async create(scope: ConnectionScope, req: VpcRequest, idTransform: boolean): Promise<VPCInfo> {
    await scope.ensureFree('vpc', req.Name);
    const seen = new Set<string>();
    for (const subnet of req.SubnetInfoList) {
      if (seen.has(subnet.Name)) throw alreadyExists('subnet', subnet.Name, scope.name);
      seen.add(subnet.Name);
    }
    const vpcName = cloudNameFor('vpc', req.Name, idTransform);
    const subnetNames = new Map(req.SubnetInfoList.map((s) => [cloudNameFor('subnet', s.Name, idTransform), s]));
    const label = { resourceType: 'vpc', resourceName: req.Name, operation: 'createVPC' };
    const info = await scope.call(label, (cloud) =>
      vpcHandler(scope)(cloud).createVPC({
        IId: { NameId: vpcName, SystemId: '' },
        IPv4_CIDR: req.IPv4_CIDR,
        SubnetInfoList: [...subnetNames].map(([name, s]) => toDriverSubnet(name, s)),
        ...(req.TagList ? { TagList: req.TagList } : {}),
      }),
    );
    await recordCreated(
      scope,
      async (em) => {
        await scope.iids.insert(
          'vpc',
          scope.newRow(req.Name, info.IId),
          () => alreadyExists('vpc', req.Name, scope.name),
          em,
        );
        for (const subnet of info.SubnetInfoList) {
          const asked = subnetNames.get(subnet.IId.NameId);
          await recordSubnet(scope, req.Name, asked?.Name ?? subnet.IId.NameId, subnet, em);
        }
      },
      () => scope.call({ ...label, operation: 'deleteVPC' }, (cloud) => vpcHandler(scope)(cloud).deleteVPC(info.IId)),
    );
    return this.toUser(scope, info);
  },

  async list(scope: ConnectionScope): Promise<VPCInfo[]> {
    const rows = await scope.iids.list('vpc', scope.name);
    if (!rows.length) return [];
    const infos = await scope.call({ resourceType: 'vpc', operation: 'listVPC' }, (c) =>
      vpcHandler(scope)(c).listVPC(),
    );
    const book = await NameBook.load(scope, ['vpc', 'subnet']);
    const known = infos.filter((info) => book.rowOf('vpc', info.IId));
    return Promise.all(known.map((info) => this.toUser(scope, info, book)));
  },

  async get(scope: ConnectionScope, name: string): Promise<VPCInfo> {
    const row = await scope.row('vpc', name);
    const info = await scope.call({ resourceType: 'vpc', resourceName: name, operation: 'getVPC' }, (c) =>
      vpcHandler(scope)(c).getVPC(driverIid(row)),
    );
    return this.toUser(scope, info);
  },

  /** Refused while security groups, VMs, NLBs or clusters use the VPC, unless forced (then only the VPC goes). */
  async delete(scope: ConnectionScope, name: string, force: boolean): Promise<boolean> {
    const row = await scope.row('vpc', name);
    if (!force) await refuseInUse(scope, name);
    await deleteThroughCloud(
      scope,
      'vpc',
      row,
      force,
      () =>
        scope.call({ resourceType: 'vpc', resourceName: name, operation: 'deleteVPC' }, (c) =>
          vpcHandler(scope)(c).deleteVPC(driverIid(row)),
        ),
      (em) => scope.iids.deleteOwned('subnet', scope.name, name, em),
    );
    return true;
  },

  async addSubnet(scope: ConnectionScope, vpcName: string, req: SubnetRequest, idTransform: boolean): Promise<VPCInfo> {
    const vpc = await scope.row('vpc', vpcName);
    await scope.ensureFree('subnet', req.Name, vpcName);
    const subnetName = cloudNameFor('subnet', req.Name, idTransform);
    const label = { resourceType: 'subnet', resourceName: req.Name, operation: 'addSubnet' };
    const info = await scope.call(label, (c) =>
      vpcHandler(scope)(c).addSubnet(driverIid(vpc), toDriverSubnet(subnetName, req)),
    );
    const subnet = info.SubnetInfoList.find((s) => s.IId.NameId === subnetName);
    if (subnet) {
      await recordCreated(
        scope,
        (em) => recordSubnet(scope, vpcName, req.Name, subnet, em),
        () =>
          scope.call({ ...label, operation: 'removeSubnet' }, (c) =>
            vpcHandler(scope)(c).removeSubnet(driverIid(vpc), subnet.IId),
          ),
      );
    }
    return this.toUser(scope, info);
  },

  async getSubnet(scope: ConnectionScope, vpcName: string, name: string): Promise<SubnetInfo> {
    const subnet = await scope.row('subnet', name, vpcName);
    const vpc = await this.get(scope, vpcName);
    const found = vpc.SubnetInfoList.find((s) => s.IId.NameId === subnet.nameId);
    if (!found) throw new InvalidArgumentError(`Subnet '${name}' is in spider but not in the cloud's VPC '${vpcName}'`);
    return found;
  },

  async removeSubnet(scope: ConnectionScope, vpcName: string, name: string, force: boolean): Promise<boolean> {
    const vpc = await scope.row('vpc', vpcName);
    const subnet = await scope.row('subnet', name, vpcName);
    await deleteThroughCloud(scope, 'subnet', subnet, force, () =>
      scope.call({ resourceType: 'subnet', resourceName: name, operation: 'removeSubnet' }, (c) =>
        vpcHandler(scope)(c).removeSubnet(driverIid(vpc), driverIid(subnet)),
      ),
    );
    return true;
  },

  async toUser(scope: ConnectionScope, info: VPCInfo, book?: NameBook): Promise<VPCInfo> {
    const names = book ?? (await NameBook.load(scope, ['vpc', 'subnet']));
    const vpcRow = names.rowOf('vpc', info.IId);
    return {
      ...info,
      IId: vpcRow ? userIid(vpcRow) : info.IId,
      SubnetInfoList: info.SubnetInfoList.map((s) => ({ ...s, IId: names.user('subnet', s.IId, vpcRow?.nameId) })),
    };
  },
};

async function refuseInUse(scope: ConnectionScope, vpcName: string): Promise<void> {
  for (const [kind, label] of [
    ['sg', 'Security Group'],
    ['vm', 'VM'],
    ['nlb', 'NLB'],
    ['cluster', 'Cluster'],
  ] as const) {
    const users = await scope.iids.list(kind, scope.name, vpcName);
    if (users.length) {
      throw new ConflictError(
        `VPC '${vpcName}' is in use by ${label} ${users.map((u) => `'${u.nameId}'`).join(', ')} in connection '${scope.name}'; delete them first or use force`,
      );
    }
  }
}

function toDriverSubnet(name: string, req: SubnetRequest): SubnetInfo {
  return {
    IId: { NameId: name, SystemId: '' },
    IPv4_CIDR: req.IPv4_CIDR,
    ...(req.Zone ? { Zone: req.Zone } : {}),
    ...(req.TagList ? { TagList: req.TagList } : {}),
  };
}

/** The subnet row of `vpcName` the user calls `name`, for what the cloud answered as `subnet`. */
export function recordSubnet(
  scope: ConnectionScope,
  vpcName: string,
  name: string,
  subnet: SubnetInfo,
  em?: EntityManager,
) {
  return scope.iids.insert(
    'subnet',
    scope.newRow(name, subnet.IId, vpcName, subnet.Zone ?? ''),
    () => alreadyExists('subnet', name, scope.name),
    em,
  );
}

/** For the generic operations: register brings the VPC's subnets along, named by their cloud ids. */
export const vpcKind: ManagedKind<VPCInfo> = {
  kind: 'vpc',
  resourceType: 'vpc',
  listIID: (cloud) => required(cloud.vpc(), 'VPC', 'this').listIID(),
  get: (cloud, iid) => required(cloud.vpc(), 'VPC', 'this').getVPC(iid),
  remove: (cloud, iid) => required(cloud.vpc(), 'VPC', 'this').deleteVPC(iid),
  toUser: (scope, info) => vpcs.toUser(scope, info),
  async registerChildren(scope, row: IidRecord, info, em) {
    for (const subnet of info.SubnetInfoList) {
      await recordSubnet(scope, row.nameId, subnet.IId.SystemId || subnet.IId.NameId, subnet, em);
    }
  },
  forgetChildren: (scope, row, em) => scope.iids.deleteOwned('subnet', scope.name, row.nameId, em),
};
