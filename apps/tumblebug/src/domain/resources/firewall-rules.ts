import type { SecurityRuleInfo } from '@cb/driver-sdk';
import { InvalidArgumentError } from '@cb/errors';
import type { FirewallRuleReq } from './resource-requests';

const PORT_RANGE = /^(\d{1,5})(?:-(\d{1,5}))?$/;

/** One upstream rule with `Ports: "22,80,1000-2000"` becomes one spider rule per port or range. */
export function toSpiderRules(rules: FirewallRuleReq[]): SecurityRuleInfo[] {
  return rules.flatMap((rule, index) => {
    const field = `firewallRules[${index}]`;
    const direction = rule.Direction.toLowerCase();
    if (direction !== 'inbound' && direction !== 'outbound') {
      throw new InvalidArgumentError(`${field}.Direction: must be inbound or outbound`);
    }
    const protocol = rule.Protocol.toUpperCase();
    if (!['TCP', 'UDP', 'ICMP', 'ALL'].includes(protocol)) {
      throw new InvalidArgumentError(`${field}.Protocol: must be one of TCP, UDP, ICMP, ALL`);
    }
    const base = { Direction: direction, IPProtocol: protocol, CIDR: rule.CIDR || '0.0.0.0/0' };
    if (protocol === 'ICMP' || protocol === 'ALL' || !rule.Ports) {
      const all = protocol === 'ICMP' || protocol === 'ALL';
      return [{ ...base, FromPort: all ? '-1' : '1', ToPort: all ? '-1' : '65535' }];
    }
    return rule.Ports.split(',').map((part) => {
      const match = PORT_RANGE.exec(part.trim());
      const from = Number(match?.[1]);
      const to = Number(match?.[2] ?? match?.[1]);
      if (!match || from < 1 || to > 65535 || from > to) {
        throw new InvalidArgumentError(`${field}.Ports: '${part.trim().slice(0, 20)}' is not a port or a port range`);
      }
      return { ...base, FromPort: String(from), ToPort: String(to) };
    });
  });
}

/** Upstream's stored FirewallRuleInfo: `{Direction, Protocol, Port, CIDR}`. */
export function toFirewallRuleInfo(rule: SecurityRuleInfo) {
  const ports = rule.FromPort === rule.ToPort ? rule.FromPort : `${rule.FromPort}-${rule.ToPort}`;
  return {
    Direction: rule.Direction,
    Protocol: rule.IPProtocol,
    Port: ports === '-1' ? '' : ports,
    CIDR: rule.CIDR ?? '',
  };
}
