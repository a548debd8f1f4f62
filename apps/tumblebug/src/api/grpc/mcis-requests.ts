import { parseInput } from '@cb/http';
import { InvalidArgumentError } from '@cb/errors';
import { tumblebug } from '@cb/proto';
import { MciDynamicReq, MciReq, SnapshotReq } from '../../domain/mcis/mcis-request';
import { policyName } from './mcis-messages';

/**
 * gRPC MCIS requests are read by the same schemas as REST bodies (upstream's JSON names), so both APIs
 * accept and refuse exactly the same things, and a refusal names the field as REST does
 * (`subGroups[0].specId: specId is required`).
 */
function settingsOf(settings: tumblebug.McisSettings | undefined) {
  return {
    name: settings?.name ?? '',
    description: settings?.description ?? '',
    label: settings?.label ?? {},
    systemLabel: settings?.systemLabel ?? '',
    placementAlgo: settings?.placementAlgo ?? '',
    policyOnPartialFailure: policyName(settings?.policyOnPartialFailure ?? tumblebug.PartialFailurePolicy.UNSPECIFIED),
  };
}

const optional = (value: string) => (value === '' ? undefined : value);

export function mciReqOf(request: tumblebug.CreateMcisRequest): MciReq {
  return parseInput(
    MciReq,
    {
      ...settingsOf(request.settings),
      subGroups: request.subGroups.map((g) => ({
        name: g.name,
        subGroupSize: g.subGroupSize,
        connectionName: g.connectionName,
        specId: g.specId,
        imageId: g.imageId,
        vNetId: g.vnetId,
        subnetId: g.subnetId,
        securityGroupIds: g.securityGroupIds,
        sshKeyId: g.sshKeyId,
        dataDiskIds: g.dataDiskIds,
        vmUserName: optional(g.vmUserName),
        vmUserPassword: optional(g.vmUserPassword),
        rootDiskType: g.rootDiskType,
        rootDiskSize: g.rootDiskSize,
        label: g.label,
        description: g.description,
      })),
    },
    'body',
  );
}

export function mciDynamicReqOf(request: tumblebug.CreateMcisDynamicRequest): MciDynamicReq {
  return parseInput(
    MciDynamicReq,
    {
      ...settingsOf(request.settings),
      subGroups: request.subGroups.map((g) => ({
        name: g.name,
        subGroupSize: g.subGroupSize,
        specId: g.specId,
        imageId: g.imageId,
        connectionName: optional(g.connectionName),
        zone: optional(g.zone),
        rootDiskType: g.rootDiskType,
        rootDiskSize: g.rootDiskSize,
        vmUserPassword: optional(g.vmUserPassword),
        label: g.label,
        description: g.description,
      })),
    },
    'body',
  );
}

const ACTIONS: Record<tumblebug.McisAction, string | undefined> = {
  [tumblebug.McisAction.UNSPECIFIED]: undefined,
  [tumblebug.McisAction.SUSPEND]: 'suspend',
  [tumblebug.McisAction.RESUME]: 'resume',
  [tumblebug.McisAction.REBOOT]: 'reboot',
  [tumblebug.McisAction.TERMINATE]: 'terminate',
  [tumblebug.McisAction.REFINE]: 'refine',
  [tumblebug.McisAction.CONTINUE]: 'continue',
  [tumblebug.McisAction.WITHDRAW]: 'withdraw',
};

/** A snapshot's name and description, read by REST's schema (the same refusals). */
export function snapshotReqOf(request: tumblebug.SnapshotVmRequest) {
  return parseInput(SnapshotReq, { name: request.name, description: request.description }, 'body');
}

/** Upstream's action word; the lifecycle refuses an unset one with the list of allowed actions. */
export function actionOf(action: tumblebug.McisAction): string | undefined {
  return ACTIONS[action];
}

export function deleteOptionOf(option: tumblebug.McisDeleteOption): 'terminate' | 'force' | undefined {
  if (option === tumblebug.McisDeleteOption.TERMINATE) return 'terminate';
  if (option === tumblebug.McisDeleteOption.FORCE) return 'force';
  if (option === tumblebug.McisDeleteOption.UNSPECIFIED) return undefined;
  throw new InvalidArgumentError(`option ${String(option)} is not a known delete option`, { field: 'option' });
}

/** Names a missing id the way REST's path would, before any lookup. */
export function requireId(value: string, field: string): string {
  if (!value) throw new InvalidArgumentError(`${field} is required`, { field });
  return value;
}
