import type { SecurityRuleInfo } from '@cb/driver-sdk';
import { NotFoundError } from '@cb/errors';
import type { SpiderClient } from '@cb/spider-client';
import { fromSecurityGroup } from './cloud-resources';
import { toFirewallRuleInfo, toSpiderRules } from './firewall-rules';
import type { FirewallRuleReq } from './resource-requests';
import type { ResourceRecord, ResourceStore } from './resource-store';

type Info = Record<string, unknown>;

/** Upstream's SecurityGroupUpdateResponse. */
export interface SecurityGroupUpdateResponse {
  id: string;
  name: string;
  success: boolean;
  message: string;
  updated: Info;
  previous: Info;
}

interface SecurityRulesServiceOptions {
  spider: Pick<SpiderClient, 'getSecurityGroup' | 'addSecurityRules' | 'removeSecurityRules'>;
  store: ResourceStore;
  /** The group's record, or NotFoundError. */
  securityGroup(nsId: string, id: string): Promise<ResourceRecord>;
  /** The Info object as answered. */
  present(record: ResourceRecord): Promise<Info>;
}

const key = (r: SecurityRuleInfo) =>
  [r.Direction.toLowerCase(), r.IPProtocol.toUpperCase(), r.FromPort, r.ToPort, r.CIDR ?? ''].join(' ');

const unique = (rules: SecurityRuleInfo[]) => [...new Map(rules.map((r) => [key(r), r])).values()];

/**
 * The rules of a security group (upstream's PUT …/securityGroup/{id} and POST|DELETE …/{id}/rules),
 * changed through spider against the rules spider has now; the stored `firewallRules` follow spider's answer.
 */
export class SecurityRulesService {
  constructor(private readonly o: SecurityRulesServiceOptions) {}

  /** Adds the rules the group lacks (those it has already stay as they are). */
  add(nsId: string, id: string, rules: FirewallRuleReq[]) {
    const wanted = unique(toSpiderRules(rules));
    return this.change(nsId, id, 'added', (current) => ({
      add: wanted.filter((r) => !current.has(key(r))),
      remove: [],
    }));
  }

  /** Removes the rules; one the group does not have is a 404. */
  remove(nsId: string, id: string, rules: FirewallRuleReq[]) {
    const unwanted = unique(toSpiderRules(rules));
    return this.change(nsId, id, 'removed', (current) => {
      const missing = unwanted.find((r) => !current.has(key(r)));
      if (missing) {
        const rule = toFirewallRuleInfo(missing);
        throw new NotFoundError(
          `firewallRules: the security group ${id} has no rule ${rule.Direction} ${rule.Protocol} ${rule.Port} ${rule.CIDR}`,
        );
      }
      return { add: [], remove: unwanted };
    });
  }

  /** Makes the rule set exactly `rules`. */
  replace(nsId: string, id: string, rules: FirewallRuleReq[]) {
    const wanted = unique(toSpiderRules(rules));
    const wantedKeys = new Set(wanted.map(key));
    return this.change(nsId, id, 'replaced', (current) => ({
      add: wanted.filter((r) => !current.has(key(r))),
      remove: [...current.values()].filter((r) => !wantedKeys.has(key(r))),
    }));
  }

  private async change(
    nsId: string,
    id: string,
    verb: string,
    plan: (current: Map<string, SecurityRuleInfo>) => { add: SecurityRuleInfo[]; remove: SecurityRuleInfo[] },
  ): Promise<SecurityGroupUpdateResponse> {
    const record = await this.o.securityGroup(nsId, id);
    const previous = await this.o.present(record);
    const { spider } = this.o;
    const name = String(record.info.cspResourceName);
    const before = await spider.getSecurityGroup(record.connectionName, name);
    const { add, remove } = plan(new Map(before.SecurityRules.map((r) => [key(r), r])));
    if (remove.length) await spider.removeSecurityRules(record.connectionName, name, remove);
    if (add.length) await spider.addSecurityRules(record.connectionName, name, add);
    const after = await spider.getSecurityGroup(record.connectionName, name);
    const fresh = await this.o.securityGroup(nsId, id);
    fresh.info = { ...fresh.info, firewallRules: fromSecurityGroup(after).info.firewallRules };
    await this.o.store.save(fresh);
    return {
      id,
      name: String(record.info.name ?? id),
      success: true,
      message: `The rules of security group ${id} have been ${verb} (${add.length} added, ${remove.length} removed)`,
      updated: await this.o.present(fresh),
      previous,
    };
  }
}
