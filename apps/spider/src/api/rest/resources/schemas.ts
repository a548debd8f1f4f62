import { z } from 'zod';

/** A dotted-quad IPv4 CIDR with a prefix of 0..32. */
export function isIpv4Cidr(value: string): boolean {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value);
  if (!match) return false;
  const octets = match.slice(1, 5).map(Number);
  return octets.every((o) => o <= 255) && Number(match[5]) <= 32;
}

const name = z.string().trim().min(1);
const cidr = z.string().min(1).refine(isIpv4Cidr, { message: 'is not a valid IPv4 CIDR (e.g. 192.168.0.0/16)' });
const keyValue = z.object({ Key: z.string().min(1), Value: z.string() });
const tags = z.array(keyValue).optional();

export const subnetSchema = z.object({ Name: name, Zone: z.string().optional(), IPv4_CIDR: cidr, TagList: tags });

export const vpcSchema = z.object({
  Name: name,
  IPv4_CIDR: cidr,
  SubnetInfoList: z.array(subnetSchema).default([]),
  TagList: tags,
});

const port = z.string().regex(/^-?\d+$/, { message: 'must be a port number as a string, -1 for none' });

export const ruleSchema = z.object({
  Direction: z.string().regex(/^(inbound|outbound)$/i, { message: 'must be inbound or outbound' }),
  IPProtocol: z.string().regex(/^(tcp|udp|icmp|all)$/i, { message: 'must be TCP, UDP, ICMP or ALL' }),
  FromPort: port,
  ToPort: port,
  CIDR: z
    .string()
    .optional()
    .refine((v) => !v || isIpv4Cidr(v), { message: 'is not a valid IPv4 CIDR' }),
});

export const securityGroupSchema = z.object({
  Name: name,
  VPCName: name,
  SecurityRules: z.array(ruleSchema).default([]),
  TagList: tags,
});

export const rulesSchema = z.object({ RuleInfoList: z.array(ruleSchema).min(1) });

export const keyPairSchema = z.object({ Name: name, TagList: tags });

export const vmSchema = z.object({
  Name: name,
  ImageType: z.enum(['PublicImage', 'MyImage', '']).optional(),
  ImageName: name,
  VMSpecName: name,
  VPCName: name,
  SubnetName: name,
  SecurityGroupNames: z.array(name).min(1),
  KeyPairName: name,
  RootDiskType: z.string().optional(),
  RootDiskSize: z.string().optional(),
  DataDiskNames: z.array(name).optional(),
  VMUserId: z.string().optional(),
  VMUserPasswd: z.string().optional(),
  TagList: tags,
});

export const registerSchema = z.object({
  Name: name,
  CSPId: name,
  VPCName: z.string().optional(),
  Zone: z.string().optional(),
});

export const subnetRegisterSchema = z.object({ Name: name, VPCName: name, CSPId: name, Zone: z.string().optional() });

export const vpcNameSchema = z.object({ VPCName: name });
