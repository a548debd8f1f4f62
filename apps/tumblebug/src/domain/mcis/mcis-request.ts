import { z } from 'zod';

/** Upstream's CheckString: a letter, then letters, digits, `-`; not ending with `-`. */
const NAME = /^[a-z]([-a-z0-9]*[a-z0-9])?$/i;
const name = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .min(1, `${what} is required`)
    .max(40, `${what} is longer than 40 characters`)
    .regex(NAME, `${what} must start with a letter and hold only letters, digits and '-' (not at the end)`);

/** Ints from v0.12.3, strings before: "2" is read as 2, "abc" and -1 are refused; 0 means 1 as upstream. */
const count = (what: string, max: number) =>
  z
    .union([z.number(), z.string().regex(/^-?\d+$/, `${what} must be a whole number`)], {
      error: `${what} must be a whole number`,
    })
    .transform(Number)
    .pipe(
      z
        .number()
        .int(`${what} must be a whole number`)
        .min(0, `${what} must not be negative`)
        .max(max, `${what} must be at most ${max}`),
    )
    .transform((n) => Math.max(n, 1));

const diskSize = z
  .union([z.number(), z.string()])
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '' || v === 'default') return 0;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) {
      ctx.addIssue({ code: 'custom', message: 'rootDiskSize must be a whole number of GB' });
      return z.NEVER;
    }
    return n;
  });

const label = z.record(z.string(), z.string()).optional().default({});
const policy = z.enum(['continue', 'rollback', 'refine']).optional().default('continue');
const idRef = (what: string) => z.string({ error: `${what} is required` }).min(1, `${what} is required`);

export const MAX_SUBGROUP_SIZE = 1000;

const common = {
  name: name('subGroup name'),
  subGroupSize: count('subGroupSize', MAX_SUBGROUP_SIZE).optional().default(1),
  vmUserName: z.string().optional(),
  vmUserPassword: z.string().optional(),
  rootDiskType: z.string().optional().default(''),
  rootDiskSize: diskSize,
  label,
  description: z.string().optional().default(''),
};

export const CreateSubGroupReq = z.object({
  ...common,
  connectionName: idRef('connectionName'),
  specId: idRef('specId'),
  imageId: idRef('imageId'),
  vNetId: idRef('vNetId'),
  subnetId: idRef('subnetId'),
  securityGroupIds: z.array(z.string().min(1)).min(1, 'securityGroupIds needs at least one id'),
  sshKeyId: idRef('sshKeyId'),
  dataDiskIds: z.array(z.string().min(1)).optional().default([]),
});
export type CreateSubGroupReq = z.output<typeof CreateSubGroupReq>;

export const CreateSubGroupDynamicReq = z.object({
  ...common,
  specId: idRef('specId'),
  imageId: idRef('imageId'),
  connectionName: z.string().optional(),
  zone: z.string().optional(),
});
export type CreateSubGroupDynamicReq = z.output<typeof CreateSubGroupDynamicReq>;

const mcisCommon = {
  name: name('name'),
  description: z.string().optional().default(''),
  installMonAgent: z.string().optional().default('no'),
  label,
  systemLabel: z.string().optional().default(''),
  placementAlgo: z.string().optional().default(''),
  policyOnPartialFailure: policy,
  postCommand: z.unknown().optional(),
};

/** Older spellings (`vm` for `subGroups`, `commonSpec`/`commonImage`, `vmUserAccount`) are read too. */
function legacy(input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const body = { ...(input as Record<string, unknown>) };
  if (body.subGroups === undefined && body.vm !== undefined) body.subGroups = body.vm;
  if (Array.isArray(body.subGroups)) {
    body.subGroups = body.subGroups.map((g: unknown) => {
      if (!g || typeof g !== 'object') return g;
      const group = { ...(g as Record<string, unknown>) };
      group.specId ??= group.commonSpec;
      group.imageId ??= group.commonImage;
      group.vmUserName ??= group.vmUserAccount;
      return group;
    });
  }
  return body;
}

const uniqueNames = (groups: { name: string }[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  groups.forEach((g, i) => {
    if (seen.has(g.name))
      ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `subGroup ${g.name} is duplicated` });
    seen.add(g.name);
  });
};

export const MciReq = z.preprocess(
  legacy,
  z.object({
    ...mcisCommon,
    subGroups: z.array(CreateSubGroupReq).min(1, 'subGroups needs at least one subGroup').superRefine(uniqueNames),
  }),
);
export type MciReq = z.output<typeof MciReq>;

export const MciDynamicReq = z.preprocess(
  legacy,
  z.object({
    ...mcisCommon,
    subGroups: z
      .array(CreateSubGroupDynamicReq)
      .min(1, 'subGroups needs at least one subGroup')
      .superRefine(uniqueNames),
  }),
);
export type MciDynamicReq = z.output<typeof MciDynamicReq>;

export const ScaleOutReq = z.object({ numVMsToAdd: count('numVMsToAdd', MAX_SUBGROUP_SIZE) });

/** POST …/vm/{vmId}/snapshot: the customImage to make of the VM. */
export const SnapshotReq = z.object({ name: name('name'), description: z.string().optional().default('') });
