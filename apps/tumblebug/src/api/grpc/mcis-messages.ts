import type { JsonObject, MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { tumblebug } from '@cb/proto';
import { mcisStatusNow, type McisView } from '../../domain/mcis';
import type { McisVmEntity } from '../../store/mcis';

type McisInit = MessageInitShape<typeof tumblebug.McisSchema>;
type McisStatusInit = MessageInitShape<typeof tumblebug.McisStatusSchema>;
type VmInit = MessageInitShape<typeof tumblebug.VmSchema>;

/** Only JSON survives a google.protobuf.Struct: dates become strings, undefined fields go. */
export function toJsonObject(value: unknown): JsonObject {
  return JSON.parse(JSON.stringify(value ?? {})) as JsonObject;
}

const POLICY: Record<string, tumblebug.PartialFailurePolicy> = {
  continue: tumblebug.PartialFailurePolicy.CONTINUE,
  rollback: tumblebug.PartialFailurePolicy.ROLLBACK,
  refine: tumblebug.PartialFailurePolicy.REFINE,
};

export function policyName(policy: tumblebug.PartialFailurePolicy): string {
  return Object.keys(POLICY).find((name) => POLICY[name] === policy) ?? 'continue';
}

const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : Number(value) || 0);

export function toVmMessage(vm: McisVmEntity): VmInit {
  const a = vm.access;
  const r = vm.resources;
  return {
    id: vm.id,
    uid: vm.uid,
    subGroupId: vm.subGroupId,
    cspResourceName: vm.cspResourceName,
    cspResourceId: vm.cspResourceId,
    connectionName: vm.connectionName,
    providerName: vm.providerName,
    region: vm.regionName,
    zone: a.zone ?? '',
    location: {
      display: String(vm.location.display ?? ''),
      latitude: num(vm.location.latitude),
      longitude: num(vm.location.longitude),
    },
    status: vm.status,
    targetStatus: vm.targetStatus,
    targetAction: vm.targetAction,
    nativeStatus: vm.nativeStatus,
    systemMessage: vm.systemMessage,
    createdAt: timestampFromDate(vm.createdAt),
    publicIp: a.publicIP ?? '',
    privateIp: a.privateIP ?? '',
    publicDns: a.publicDNS ?? '',
    privateDns: a.privateDNS ?? '',
    sshPort: a.sshPort ?? 22,
    specId: vm.specId,
    cspSpecName: vm.cspSpecName,
    imageId: vm.imageId,
    cspImageName: vm.cspImageName,
    vnetId: r.vNetId,
    subnetId: r.subnetId,
    securityGroupIds: r.securityGroupIds,
    sshKeyId: r.sshKeyId,
    dataDiskIds: r.dataDiskIds,
    vmUserName: vm.vmUserName,
    rootDiskType: vm.rootDiskType,
    rootDiskSize: vm.rootDiskSize,
    label: vm.label,
    description: vm.description,
  };
}

export function toMcisMessage({ mcis, vms }: McisView): McisInit {
  return {
    id: mcis.id,
    uid: mcis.uid,
    description: mcis.description,
    ...mcisStatusNow(
      mcis.targetAction,
      vms.map((vm) => vm.status),
    ),
    targetStatus: mcis.targetStatus,
    targetAction: mcis.targetAction,
    label: mcis.label,
    systemLabel: mcis.systemLabel,
    systemMessage: mcis.systemMessage,
    placementAlgo: mcis.placementAlgo,
    policyOnPartialFailure: POLICY[mcis.policyOnPartialFailure] ?? tumblebug.PartialFailurePolicy.UNSPECIFIED,
    vms: vms.map(toVmMessage),
    newVmList: mcis.newVmList,
    creationErrors: mcis.creationErrors ? toJsonObject(mcis.creationErrors) : undefined,
  };
}

export function toMcisStatusMessage({ mcis, vms }: McisView): McisStatusInit {
  const master = [...vms].sort((a, b) => a.id.localeCompare(b.id)).find((vm) => vm.status === 'Running');
  return {
    nsId: mcis.nsId,
    id: mcis.id,
    ...mcisStatusNow(
      mcis.targetAction,
      vms.map((vm) => vm.status),
    ),
    targetStatus: mcis.targetStatus,
    targetAction: mcis.targetAction,
    masterVmId: master?.id ?? '',
    masterIp: master?.access.publicIP ?? '',
    vms: vms.map((vm) => ({
      id: vm.id,
      status: vm.status,
      targetStatus: vm.targetStatus,
      targetAction: vm.targetAction,
      nativeStatus: vm.nativeStatus,
      systemMessage: vm.systemMessage,
      publicIp: vm.access.publicIP ?? '',
      privateIp: vm.access.privateIP ?? '',
      sshPort: vm.access.sshPort ?? 22,
    })),
  };
}
