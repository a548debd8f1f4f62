import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { tumblebug } from '@cb/proto';
import type {
  Connection,
  DynamicSubGroupReq,
  Mcis,
  McisAction,
  McisSettings,
  McisStatus,
  McisWatchEvent,
  Namespace,
  PartialFailurePolicy,
  StatusCount,
  SubGroupReq,
  Vm,
} from './types';

/** cb.tumblebug.v1 messages <-> the plain shapes of ./types (one place for the wire contract). */

const POLICY: Record<PartialFailurePolicy, tumblebug.PartialFailurePolicy> = {
  continue: tumblebug.PartialFailurePolicy.CONTINUE,
  rollback: tumblebug.PartialFailurePolicy.ROLLBACK,
  refine: tumblebug.PartialFailurePolicy.REFINE,
};

const ACTION: Record<McisAction, tumblebug.McisAction> = {
  suspend: tumblebug.McisAction.SUSPEND,
  resume: tumblebug.McisAction.RESUME,
  reboot: tumblebug.McisAction.REBOOT,
  terminate: tumblebug.McisAction.TERMINATE,
  refine: tumblebug.McisAction.REFINE,
  continue: tumblebug.McisAction.CONTINUE,
  withdraw: tumblebug.McisAction.WITHDRAW,
};

/** Unknown words go out as UNSPECIFIED, which the server refuses naming the allowed actions. */
export const toActionMessage = (action: McisAction) => ACTION[action] ?? tumblebug.McisAction.UNSPECIFIED;

export function toSettingsMessage(s: McisSettings): MessageInitShape<typeof tumblebug.McisSettingsSchema> {
  return {
    name: s.name,
    description: s.description ?? '',
    label: s.label ?? {},
    systemLabel: s.systemLabel ?? '',
    placementAlgo: s.placementAlgo ?? '',
    policyOnPartialFailure: s.policyOnPartialFailure
      ? (POLICY[s.policyOnPartialFailure] ?? tumblebug.PartialFailurePolicy.UNSPECIFIED)
      : tumblebug.PartialFailurePolicy.UNSPECIFIED,
    hold: s.hold ?? false,
  };
}

export function toSubGroupMessage(g: SubGroupReq): MessageInitShape<typeof tumblebug.SubGroupRequestSchema> {
  const { vNetId, ...rest } = g;
  return { ...rest, vnetId: vNetId };
}

export function toDynamicSubGroupMessage(
  g: DynamicSubGroupReq,
): MessageInitShape<typeof tumblebug.DynamicSubGroupRequestSchema> {
  return { ...g };
}

export const fromNamespaceMessage = (m: tumblebug.Namespace | undefined): Namespace => ({
  id: m?.id ?? '',
  uid: m?.uid ?? '',
  name: m?.name ?? '',
  description: m?.description ?? '',
});

export function fromConnectionMessage(m: tumblebug.Connection): Connection {
  const { $typeName: _type, $unknown: _unknown, latitude, longitude, ...rest } = m;
  return {
    ...rest,
    zones: [...m.zones],
    ...(latitude === undefined ? {} : { latitude }),
    ...(longitude === undefined ? {} : { longitude }),
  };
}

function fromStatusCount(m: tumblebug.StatusCount | undefined): StatusCount {
  return {
    countTotal: m?.countTotal ?? 0,
    countCreating: m?.countCreating ?? 0,
    countRunning: m?.countRunning ?? 0,
    countFailed: m?.countFailed ?? 0,
    countSuspended: m?.countSuspended ?? 0,
    countRebooting: m?.countRebooting ?? 0,
    countTerminated: m?.countTerminated ?? 0,
    countSuspending: m?.countSuspending ?? 0,
    countResuming: m?.countResuming ?? 0,
    countTerminating: m?.countTerminating ?? 0,
    countRegistering: m?.countRegistering ?? 0,
    countUndefined: m?.countUndefined ?? 0,
  };
}

export function fromVmMessage(m: tumblebug.Vm): Vm {
  return {
    id: m.id,
    uid: m.uid,
    subGroupId: m.subGroupId,
    cspResourceName: m.cspResourceName,
    cspResourceId: m.cspResourceId,
    connectionName: m.connectionName,
    providerName: m.providerName,
    region: m.region,
    zone: m.zone,
    location: {
      display: m.location?.display ?? '',
      latitude: m.location?.latitude ?? 0,
      longitude: m.location?.longitude ?? 0,
    },
    status: m.status,
    targetStatus: m.targetStatus,
    targetAction: m.targetAction,
    nativeStatus: m.nativeStatus,
    systemMessage: m.systemMessage,
    ...(m.createdAt ? { createdAt: timestampDate(m.createdAt) } : {}),
    publicIP: m.publicIp,
    privateIP: m.privateIp,
    publicDNS: m.publicDns,
    privateDNS: m.privateDns,
    sshPort: m.sshPort,
    specId: m.specId,
    cspSpecName: m.cspSpecName,
    imageId: m.imageId,
    cspImageName: m.cspImageName,
    vNetId: m.vnetId,
    subnetId: m.subnetId,
    securityGroupIds: [...m.securityGroupIds],
    sshKeyId: m.sshKeyId,
    dataDiskIds: [...m.dataDiskIds],
    vmUserName: m.vmUserName,
    rootDiskType: m.rootDiskType,
    rootDiskSize: m.rootDiskSize,
    label: { ...m.label },
    description: m.description,
  };
}

const policyOf = (p: tumblebug.PartialFailurePolicy): PartialFailurePolicy =>
  (Object.keys(POLICY) as PartialFailurePolicy[]).find((name) => POLICY[name] === p) ?? 'continue';

export function fromMcisMessage(m: tumblebug.Mcis | undefined): Mcis {
  if (!m) throw new Error('tumblebug answered without an MCIS');
  return {
    id: m.id,
    uid: m.uid,
    description: m.description,
    status: m.status,
    statusCount: fromStatusCount(m.statusCount),
    targetStatus: m.targetStatus,
    targetAction: m.targetAction,
    label: { ...m.label },
    systemLabel: m.systemLabel,
    systemMessage: [...m.systemMessage],
    placementAlgo: m.placementAlgo,
    policyOnPartialFailure: policyOf(m.policyOnPartialFailure),
    vms: m.vms.map(fromVmMessage),
    newVmList: [...m.newVmList],
    ...(m.creationErrors ? { creationErrors: m.creationErrors } : {}),
  };
}

export function fromMcisStatusMessage(m: tumblebug.McisStatus | undefined): McisStatus {
  if (!m) throw new Error('tumblebug answered without a status');
  return {
    nsId: m.nsId,
    id: m.id,
    status: m.status,
    statusCount: fromStatusCount(m.statusCount),
    targetStatus: m.targetStatus,
    targetAction: m.targetAction,
    masterVmId: m.masterVmId,
    masterIp: m.masterIp,
    vms: m.vms.map((vm) => ({
      id: vm.id,
      status: vm.status,
      targetStatus: vm.targetStatus,
      targetAction: vm.targetAction,
      nativeStatus: vm.nativeStatus,
      systemMessage: vm.systemMessage,
      publicIP: vm.publicIp,
      privateIP: vm.privateIp,
      sshPort: vm.sshPort,
    })),
  };
}

/** undefined for an event kind this client does not know yet (a newer server): skip it. */
export function fromWatchMessage(m: tumblebug.WatchMcisResponse): McisWatchEvent | undefined {
  const at = m.at ? timestampDate(m.at) : new Date();
  const e = m.event;
  switch (e.case) {
    case 'snapshot':
      return { type: 'snapshot', at, status: fromMcisStatusMessage(e.value) };
    case 'created':
      return { type: 'created', at, nsId: e.value.nsId, mcisId: e.value.mcisId, vmCount: e.value.vmCount };
    case 'statusChanged': {
      const { nsId, mcisId, previousStatus, status } = e.value;
      return { type: 'statusChanged', at, nsId, mcisId, previousStatus, status };
    }
    case 'vmStatusChanged': {
      const { nsId, mcisId, vmId, previousStatus, status } = e.value;
      return { type: 'vmStatusChanged', at, nsId, mcisId, vmId, previousStatus, status };
    }
    case 'deleted':
      return { type: 'deleted', at, nsId: e.value.nsId, mcisId: e.value.mcisId };
    default:
      return undefined;
  }
}
