import type { KeyValue, SecurityHandler, SecurityInfo, SecurityRuleInfo } from '@cb/driver-sdk';
import { required } from '../calls';
import { type ConnectionScope, driverIid } from './connection-scope';
import { cloudNameFor } from './id-transform';
import { alreadyExists } from './kinds';
import { deleteThroughCloud, type ManagedKind } from './managed-kind';
import { NameBook } from './name-book';
import { recordCreated } from './record-created';

export interface SecurityGroupRequest {
  Name: string;
  VPCName: string;
  SecurityRules: SecurityRuleInfo[];
  TagList?: KeyValue[];
}

const handler = (scope: ConnectionScope) => (cloud: { security(): SecurityHandler | undefined }) =>
  required(cloud.security(), 'security groups', scope.provider);

/** Upstream's normalisation: lower-case direction, upper-case protocol, 0.0.0.0/0 by default, -1 ports for ICMP/ALL. */
export function normaliseRule(rule: SecurityRuleInfo): SecurityRuleInfo {
  const protocol = rule.IPProtocol.toUpperCase();
  const portless = protocol === 'ICMP' || protocol === 'ALL';
  return {
    Direction: rule.Direction.toLowerCase(),
    IPProtocol: protocol,
    FromPort: portless ? '-1' : rule.FromPort,
    ToPort: portless ? '-1' : rule.ToPort,
    CIDR: rule.CIDR || '0.0.0.0/0',
  };
}

export const securityGroups = {
  async create(scope: ConnectionScope, req: SecurityGroupRequest, idTransform: boolean): Promise<SecurityInfo> {
    const vpc = await scope.row('vpc', req.VPCName);
    await scope.ensureFree('sg', req.Name);
    const cloudName = cloudNameFor('sg', req.Name, idTransform);
    const label = { resourceType: 'sg', resourceName: req.Name, operation: 'createSecurity' };
    const info = await scope.call(label, (c) =>
      handler(scope)(c).createSecurity({
        IId: { NameId: cloudName, SystemId: '' },
        VpcIID: driverIid(vpc),
        SecurityRules: req.SecurityRules.map(normaliseRule),
        ...(req.TagList ? { TagList: req.TagList } : {}),
      }),
    );
    await recordCreated(
      scope,
      (em) =>
        scope.iids.insert(
          'sg',
          scope.newRow(req.Name, info.IId, req.VPCName),
          () => alreadyExists('sg', req.Name, scope.name),
          em,
        ),
      () => scope.call({ ...label, operation: 'deleteSecurity' }, (c) => handler(scope)(c).deleteSecurity(info.IId)),
    );
    return this.toUser(scope, info);
  },

  /** All of the connection's groups, or only those of one VPC (`GET /securitygroup/vpc/:VPCName`). */
  async list(scope: ConnectionScope, vpcName?: string): Promise<SecurityInfo[]> {
    if (vpcName !== undefined) await scope.row('vpc', vpcName);
    const rows = await scope.iids.list('sg', scope.name, vpcName);
    if (!rows.length) return [];
    const infos = await scope.call({ resourceType: 'sg', operation: 'listSecurity' }, (c) =>
      handler(scope)(c).listSecurity(),
    );
    const book = await NameBook.load(scope, ['sg', 'vpc']);
    const mine = new Set(rows.map((r) => r.systemId));
    return infos.filter((i) => mine.has(i.IId.SystemId)).map((i) => toUserWith(book, i));
  },

  async get(scope: ConnectionScope, name: string): Promise<SecurityInfo> {
    const row = await scope.row('sg', name);
    const info = await scope.call({ resourceType: 'sg', resourceName: name, operation: 'getSecurity' }, (c) =>
      handler(scope)(c).getSecurity(driverIid(row)),
    );
    return this.toUser(scope, info);
  },

  async delete(scope: ConnectionScope, name: string, force: boolean): Promise<boolean> {
    const row = await scope.row('sg', name);
    await deleteThroughCloud(scope, 'sg', row, force, () =>
      scope.call({ resourceType: 'sg', resourceName: name, operation: 'deleteSecurity' }, (c) =>
        handler(scope)(c).deleteSecurity(driverIid(row)),
      ),
    );
    return true;
  },

  async addRules(scope: ConnectionScope, name: string, rules: SecurityRuleInfo[]): Promise<SecurityInfo> {
    const row = await scope.row('sg', name);
    const info = await scope.call({ resourceType: 'sg', resourceName: name, operation: 'addRules' }, (c) =>
      handler(scope)(c).addRules(driverIid(row), rules.map(normaliseRule)),
    );
    return this.toUser(scope, info);
  },

  async removeRules(scope: ConnectionScope, name: string, rules: SecurityRuleInfo[]): Promise<boolean> {
    const row = await scope.row('sg', name);
    return scope.call({ resourceType: 'sg', resourceName: name, operation: 'removeRules' }, (c) =>
      handler(scope)(c).removeRules(driverIid(row), rules.map(normaliseRule)),
    );
  },

  async toUser(scope: ConnectionScope, info: SecurityInfo): Promise<SecurityInfo> {
    return toUserWith(await NameBook.load(scope, ['sg', 'vpc']), info);
  },
};

function toUserWith(book: NameBook, info: SecurityInfo): SecurityInfo {
  return { ...info, IId: book.user('sg', info.IId), VpcIID: book.user('vpc', info.VpcIID) };
}

export const securityGroupKind: ManagedKind<SecurityInfo> = {
  kind: 'sg',
  resourceType: 'sg',
  listIID: (cloud) => required(cloud.security(), 'security groups', 'this').listIID(),
  get: (cloud, iid) => required(cloud.security(), 'security groups', 'this').getSecurity(iid),
  remove: (cloud, iid) => required(cloud.security(), 'security groups', 'this').deleteSecurity(iid),
  toUser: (scope, info) => securityGroups.toUser(scope, info),
  async ownerOf(scope, info, requested) {
    if (requested) return (await scope.row('vpc', requested)).nameId;
    const book = await NameBook.load(scope, ['vpc']);
    return book.rowOf('vpc', info.VpcIID)?.nameId ?? '';
  },
};
