import { z } from 'zod';

/*
 * ReqInfo schemas of the disk, my-image, NLB, cluster and tag routes. Upstream sends numbers and booleans
 * as strings ("3", "true"); both spellings are accepted and turned into what the driver takes.
 */

const name = z.string().trim().min(1);
const keyValue = z.object({ Key: z.string().min(1), Value: z.string() });
const tags = z.array(keyValue).optional();
const port = z.string().regex(/^\d{1,5}$/, { message: 'must be a port number as a string' });

const wholeNumber = z.union([z.number(), z.string().trim().regex(/^\d+$/, { message: 'must be a whole number' })]);
const count = wholeNumber.transform(Number).pipe(z.number().int().min(0));
const flag = z
  .union([z.boolean(), z.string().regex(/^(true|false)$/i, { message: 'must be true or false' })])
  .transform((v) => (typeof v === 'boolean' ? v : v.toLowerCase() === 'true'));

/** NLB health checker numbers: "default", "", "-1" or nothing mean the cloud's default (-1), as upstream. */
const cspDefault = z
  .union([
    z.number().int().min(-1),
    z
      .string()
      .trim()
      .regex(/^(default|-1|\d*)$/i, { message: 'must be a number or "default"' }),
  ])
  .optional()
  .transform((v) => (v === undefined || v === '' || String(v).toLowerCase() === 'default' ? -1 : Number(v)));

export const diskSchema = z.object({
  Name: name,
  Zone: z.string().optional(),
  DiskType: z.string().optional(),
  DiskSize: z
    .string()
    .regex(/^(default|\d+)?$/i, { message: 'must be a size in GB or "default"' })
    .optional(),
  TagList: tags,
});

export const diskSizeSchema = z.object({ Size: z.string().trim().regex(/^\d+$/, { message: 'must be a size in GB' }) });

export const diskVmSchema = z.object({ VMName: name });

export const myImageSchema = z.object({ Name: name, SourceVM: name, TagList: tags });

export const listenerSchema = z.object({
  Protocol: z
    .string()
    .regex(/^(tcp|udp)$/i, { message: 'must be TCP or UDP' })
    .transform((v) => v.toUpperCase()),
  Port: port,
});

export const vmGroupSchema = z.object({
  Protocol: z
    .string()
    .regex(/^(tcp|udp|http|https)?$/i, { message: 'must be TCP, UDP, HTTP or HTTPS' })
    .optional(),
  Port: z.union([port, z.literal('')]).optional(),
  VMs: z.array(name).optional(),
});

export const healthCheckerSchema = z.object({
  Protocol: z
    .string()
    .regex(/^(tcp|http|https)$/i, { message: 'must be TCP, HTTP or HTTPS' })
    .transform((v) => v.toUpperCase()),
  Port: port,
  Interval: cspDefault,
  Timeout: cspDefault,
  Threshold: cspDefault,
});

export const nlbSchema = z.object({
  Name: name,
  VPCName: name,
  Type: z
    .string()
    .regex(/^(public|internal)$/i, { message: 'must be PUBLIC or INTERNAL' })
    .default('PUBLIC')
    .transform((v) => v.toUpperCase()),
  Scope: z
    .string()
    .regex(/^(region|global)$/i, { message: 'must be REGION or GLOBAL' })
    .default('REGION')
    .transform((v) => v.toUpperCase()),
  Listener: listenerSchema,
  VMGroup: vmGroupSchema.optional(),
  HealthChecker: healthCheckerSchema,
  TagList: tags,
});

export const nlbVmsSchema = z.object({ VMs: z.array(name).min(1) });

export const nodeGroupSchema = z.object({
  Name: name,
  ImageName: z.string().optional(),
  VMSpecName: name,
  RootDiskType: z.string().optional(),
  RootDiskSize: z.string().optional(),
  KeyPairName: name,
  OnAutoScaling: flag.default(false),
  DesiredNodeSize: count,
  MinNodeSize: count,
  MaxNodeSize: count,
  TagList: tags,
});

export const clusterSchema = z.object({
  Name: name,
  Version: z.string().optional(),
  VPCName: name,
  SubnetNames: z.array(name).min(1),
  SecurityGroupNames: z.array(name).min(1),
  NodeGroupList: z.array(nodeGroupSchema).default([]),
  TagList: tags,
});

export const autoScalingSchema = z.object({ OnAutoScaling: flag });

export const scalingSchema = z.object({ DesiredNodeSize: count, MinNodeSize: count, MaxNodeSize: count });

export const upgradeSchema = z.object({ Version: name });

export const tagAddSchema = z.object({ ResourceType: name, ResourceName: name, Tag: keyValue });

export const tagTargetSchema = z.object({ ResourceType: name, ResourceName: name });
