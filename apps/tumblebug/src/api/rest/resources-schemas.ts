import { z } from 'zod';
import { caseInsensitive } from './app-input';

const name = z.string().min(1);
const optional = z.string().optional();

export const SubnetReq = caseInsensitive(
  z.object({ name, ipv4_CIDR: z.string().min(1), zone: optional, description: optional }),
);
export const VNetReq = caseInsensitive(
  z
    .object({
      name,
      connectionName: name,
      cidrBlock: optional,
      description: optional,
      subnetInfoList: z.array(SubnetReq).default([]),
      cspResourceId: optional,
    })
    .meta({ id: 'VNetReq' }),
);

/** v0.11.2+ `{Direction, Protocol, Ports, CIDR}`; the legacy `{FromPort, ToPort, IPProtocol}` (scripts still send it) is read too. */
export const FirewallRuleReq = caseInsensitive(
  z.object({
    Direction: z.string().min(1),
    Protocol: optional,
    Ports: optional,
    CIDR: optional,
    IPProtocol: optional,
    FromPort: optional,
    ToPort: optional,
  }),
).transform((rule, ctx) => {
  const protocol = rule.Protocol ?? rule.IPProtocol;
  if (!protocol) {
    ctx.addIssue({ code: 'custom', message: 'is required', path: ['Protocol'] });
    return z.NEVER;
  }
  const legacyPorts = rule.FromPort
    ? rule.FromPort === rule.ToPort || !rule.ToPort
      ? rule.FromPort
      : `${rule.FromPort}-${rule.ToPort}`
    : undefined;
  const ports = rule.Ports ?? (legacyPorts === '-1' ? undefined : legacyPorts);
  return { Direction: rule.Direction, Protocol: protocol, Ports: ports, CIDR: rule.CIDR };
});

export const SecurityGroupReq = caseInsensitive(
  z
    .object({
      name,
      connectionName: name,
      vNetId: optional,
      description: optional,
      firewallRules: z.array(FirewallRuleReq).default([]),
      cspResourceId: optional,
    })
    .meta({ id: 'SecurityGroupReq' }),
);

export const SshKeyReq = caseInsensitive(
  z
    .object({
      name,
      connectionName: name,
      description: optional,
      username: optional,
      verifiedUsername: optional,
      publicKey: optional,
      privateKey: optional,
      fingerprint: optional,
      cspResourceId: optional,
    })
    .meta({ id: 'SshKeyReq' }),
);

export const DataDiskReq = caseInsensitive(
  z
    .object({
      name,
      connectionName: name,
      diskSize: z.coerce.number().int().positive(),
      diskType: optional,
      description: optional,
      cspResourceId: optional,
    })
    .meta({ id: 'DataDiskReq' }),
);

export const CustomImageReq = caseInsensitive(
  z.object({ name, connectionName: name, cspResourceId: name, sourceVmId: optional, description: optional }),
);

export const SpecReq = caseInsensitive(
  z.object({ name, connectionName: name, cspSpecName: name, description: optional }),
);
/** `cspImageId` is the older spelling the scripts still send. */
export const ImageReq = caseInsensitive(
  z.object({ name, connectionName: name, cspImageName: optional, cspImageId: optional, description: optional }),
);

export const FetchOption = caseInsensitive(
  z.object({
    targetProviders: z.array(z.string()).optional(),
    excludedProviders: z.array(z.string()).optional(),
    regionAgnosticProviders: z.array(z.string()).optional(),
    connectionName: optional,
  }),
);

export const LookupSpecReq = caseInsensitive(
  z.object({ connectionName: name, cspResourceId: optional, cspSpecName: optional }),
);
export const LookupImageReq = caseInsensitive(
  z.object({ connectionName: name, cspImageName: optional, cspResourceId: optional }),
);
export const ConnectionReq = caseInsensitive(z.object({ connectionName: name }));

/** Body of PUT …/securityGroup/{id} and POST|DELETE …/{id}/rules. */
export const FirewallRulesReq = caseInsensitive(
  z.object({ firewallRules: z.array(FirewallRuleReq) }).meta({ id: 'FirewallRulesReq' }),
);
