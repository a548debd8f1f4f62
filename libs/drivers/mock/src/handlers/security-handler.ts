import {
  DriverError,
  type IID,
  type SecurityHandler,
  type SecurityInfo,
  type SecurityReqInfo,
  type SecurityRuleInfo,
} from '@cb/driver-sdk';
import type { MockEnv } from './mock-env';
import { requireName } from './vpc-handler';

function sameRule(a: SecurityRuleInfo, b: SecurityRuleInfo): boolean {
  return (
    a.Direction.toLowerCase() === b.Direction.toLowerCase() &&
    a.IPProtocol.toUpperCase() === b.IPProtocol.toUpperCase() &&
    a.FromPort === b.FromPort &&
    a.ToPort === b.ToPort &&
    (a.CIDR || '0.0.0.0/0') === (b.CIDR || '0.0.0.0/0')
  );
}

export class MockSecurityHandler implements SecurityHandler {
  constructor(private readonly env: MockEnv) {}

  async createSecurity(req: SecurityReqInfo): Promise<SecurityInfo> {
    requireName(req.IId, 'security group');
    const vpc = this.env.cloud.vpcs.get(req.VpcIID);
    return this.env.cloud.securityGroups.insert({
      IId: { NameId: req.IId.NameId, SystemId: req.IId.NameId },
      VpcIID: vpc.IId,
      SecurityRules: (req.SecurityRules ?? []).map((r) => ({ ...r })),
      ...(req.TagList?.length ? { TagList: req.TagList } : {}),
    });
  }

  async listSecurity(): Promise<SecurityInfo[]> {
    return this.env.cloud.securityGroups.list();
  }

  async getSecurity(securityIID: IID): Promise<SecurityInfo> {
    return this.env.cloud.securityGroups.get(securityIID);
  }

  async deleteSecurity(securityIID: IID): Promise<boolean> {
    this.env.cloud.securityGroups.delete(securityIID);
    return true;
  }

  /** Upstream's mock refuses an exact duplicate of an existing rule. */
  async addRules(securityIID: IID, rules: SecurityRuleInfo[]): Promise<SecurityInfo> {
    const sg = this.env.cloud.securityGroups.ref(securityIID);
    for (const rule of rules) {
      if (sg.SecurityRules.some((r) => sameRule(r, rule))) {
        throw new DriverError('ALREADY_EXISTS', `rule ${describe(rule)} already exists in '${sg.IId.NameId}'`);
      }
    }
    sg.SecurityRules.push(...rules.map((r) => ({ ...r })));
    return structuredClone(sg);
  }

  async removeRules(securityIID: IID, rules: SecurityRuleInfo[]): Promise<boolean> {
    const sg = this.env.cloud.securityGroups.ref(securityIID);
    const missing = rules.find((rule) => !sg.SecurityRules.some((r) => sameRule(r, rule)));
    if (missing) throw new DriverError('NOT_FOUND', `rule ${describe(missing)} does not exist in '${sg.IId.NameId}'`);
    sg.SecurityRules = sg.SecurityRules.filter((r) => !rules.some((rule) => sameRule(r, rule)));
    return true;
  }

  async listIID(): Promise<IID[]> {
    return this.env.cloud.securityGroups.iids();
  }
}

function describe(rule: SecurityRuleInfo): string {
  return `${rule.Direction} ${rule.IPProtocol} ${rule.FromPort}-${rule.ToPort} ${rule.CIDR ?? ''}`.trim();
}
