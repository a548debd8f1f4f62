import type { McisStatusView, McisView } from '../../../domain/mcis';
import { mcisStatusNow } from '../../../domain/mcis';
import type { McisEntity, McisVmEntity, VmStatusRow } from '../../../store/mcis';

/** The wire shapes of upstream v0.12.5 (MciInfo, VmInfo, MciStatusInfo, ...), in one place. */
const timeText = (date: Date) => date.toISOString().replace('T', ' ').slice(0, 19);

export function toVmInfo(vm: McisVmEntity) {
  const a = vm.access;
  const r = vm.resources;
  return {
    resourceType: 'vm',
    id: vm.id,
    uid: vm.uid,
    cspResourceName: vm.cspResourceName,
    cspResourceId: vm.cspResourceId,
    name: vm.id,
    subGroupId: vm.subGroupId,
    location: vm.location,
    region: { region: vm.regionName, zone: a.zone ?? '' },
    status: vm.status,
    targetStatus: vm.targetStatus,
    targetAction: vm.targetAction,
    nativeStatus: vm.nativeStatus,
    monAgentStatus: 'notInstalled',
    networkAgentStatus: 'notInstalled',
    systemMessage: vm.systemMessage,
    createdTime: timeText(vm.createdAt),
    label: vm.label,
    description: vm.description,
    publicIP: a.publicIP ?? '',
    sshPort: a.sshPort ?? 22,
    publicDNS: a.publicDNS ?? '',
    privateIP: a.privateIP ?? '',
    privateDNS: a.privateDNS ?? '',
    rootDiskType: vm.rootDiskType,
    rootDiskSize: vm.rootDiskSize,
    RootDeviceName: a.rootDeviceName ?? '',
    connectionName: vm.connectionName,
    connectionConfig: {
      configName: vm.connectionName,
      providerName: vm.providerName,
      regionZoneInfo: { assignedRegion: vm.regionName, assignedZone: a.zone ?? '' },
    },
    specId: vm.specId,
    cspSpecName: vm.cspSpecName,
    spec: { cspSpecName: vm.cspSpecName, ...vm.specSummary },
    imageId: vm.imageId,
    cspImageName: vm.cspImageName,
    image: { cspImageName: vm.cspImageName, ...vm.imageSummary },
    vNetId: r.vNetId,
    cspVNetId: a.cspVNetId ?? '',
    subnetId: r.subnetId,
    cspSubnetId: a.cspSubnetId ?? '',
    networkInterface: a.networkInterface ?? '',
    securityGroupIds: r.securityGroupIds,
    dataDiskIds: r.dataDiskIds,
    sshKeyId: r.sshKeyId,
    cspSshKeyId: a.cspSshKeyId ?? '',
    vmUserName: vm.vmUserName,
  };
}

function summary(mcis: McisEntity, vms: Pick<McisVmEntity, 'status'>[]) {
  return {
    id: mcis.id,
    name: mcis.id,
    ...mcisStatusNow(
      mcis.targetAction,
      vms.map((vm) => vm.status),
    ),
    targetStatus: mcis.targetStatus,
    targetAction: mcis.targetAction,
    installMonAgent: mcis.installMonAgent,
    label: mcis.label,
    systemLabel: mcis.systemLabel,
  };
}

export function toMciInfo({ mcis, vms }: McisView, option?: string) {
  return {
    resourceType: 'mci',
    uid: mcis.uid,
    description: mcis.description,
    ...summary(mcis, vms),
    configureCloudAdaptiveNetwork: 'no',
    systemMessage: mcis.systemMessage,
    placementAlgo: mcis.placementAlgo,
    policyOnPartialFailure: mcis.policyOnPartialFailure,
    vm:
      option === 'simple'
        ? vms.map((vm) => ({
            id: vm.id,
            status: vm.status,
            subGroupId: vm.subGroupId,
            publicIP: vm.access.publicIP ?? '',
            location: vm.location,
            connectionName: vm.connectionName,
          }))
        : vms.map(toVmInfo),
    newVmList: mcis.newVmList,
    postCommand: mcis.postCommand ?? { userName: '', command: null },
    postCommandResult: { results: [] },
    creationErrors: mcis.creationErrors,
  };
}

export function toVmStatusInfo(vm: VmStatusRow) {
  return {
    id: vm.id,
    uid: vm.uid,
    cspResourceName: vm.cspResourceName,
    cspResourceId: vm.cspResourceId,
    name: vm.id,
    status: vm.status,
    targetStatus: vm.targetStatus,
    targetAction: vm.targetAction,
    nativeStatus: vm.nativeStatus,
    monAgentStatus: 'notInstalled',
    systemMessage: vm.systemMessage,
    createdTime: timeText(vm.createdAt),
    // upstream's casing differs here from VmInfo (publicIp vs publicIP)
    publicIp: vm.access.publicIP ?? '',
    privateIp: vm.access.privateIP ?? '',
    sshPort: vm.access.sshPort ?? 22,
    location: vm.location,
  };
}

export function toMciStatusInfo({ mcis, vms }: McisStatusView) {
  const master = [...vms].sort((a, b) => a.id.localeCompare(b.id)).find((vm) => vm.status === 'Running');
  return {
    ...summary(mcis, vms),
    masterVmId: master?.id ?? '',
    masterIp: master?.access.publicIP ?? '',
    masterSSHPort: String(master?.access.sshPort ?? ''),
    vm: vms.map(toVmStatusInfo),
  };
}

/** One VM's MciVmAccessInfo; `privateKey` only when the caller asked for it (accessInfoOption=showSshKey). */
export function toVmAccessInfo(vm: McisVmEntity, privateKey = '') {
  return {
    vmId: vm.id,
    publicIP: vm.access.publicIP ?? '',
    privateIP: vm.access.privateIP ?? '',
    sshPort: String(vm.access.sshPort ?? 22),
    privateKey,
    vmUserName: vm.vmUserName,
    vmUserPassword: '',
    connectionConfig: { configName: vm.connectionName, providerName: vm.providerName },
  };
}

/** Upstream's MciAccessInfo; `privateKeys` maps sshKeyId to the key when showSshKey was asked. */
export function toAccessInfo({ mcis, vms }: McisView, privateKeys?: Map<string, string>) {
  const groups = [...new Set(vms.map((vm) => vm.subGroupId))];
  return {
    mciId: mcis.id,
    mciNlbListener: null,
    mciSubGroupAccessInfo: groups.map((subGroupId) => {
      const members = vms.filter((vm) => vm.subGroupId === subGroupId);
      return {
        subGroupId,
        bastionVmId: members.find((vm) => vm.access.publicIP)?.id ?? '',
        nlbListener: null,
        mciVmAccessInfo: members.map((vm) => toVmAccessInfo(vm, privateKeys?.get(vm.resources.sshKeyId))),
      };
    }),
  };
}

export function toAssociatedResources({ vms }: McisView) {
  const all = (pick: (vm: McisVmEntity) => string | string[]) =>
    [...new Set(vms.flatMap((vm) => pick(vm)))].filter(Boolean).sort();
  return {
    connectionNames: all((vm) => vm.connectionName),
    providerNames: all((vm) => vm.providerName),
    subGroupIds: all((vm) => vm.subGroupId),
    vmIds: all((vm) => vm.id),
    cspVmNames: all((vm) => vm.cspResourceName),
    cspVmIds: all((vm) => vm.cspResourceId),
    imageIds: all((vm) => vm.imageId),
    specIds: all((vm) => vm.specId),
    vNetIds: all((vm) => vm.resources.vNetId),
    cspVNetIds: all((vm) => vm.access.cspVNetId ?? ''),
    subnetIds: all((vm) => vm.resources.subnetId),
    cspSubnetIds: all((vm) => vm.access.cspSubnetId ?? ''),
    securityGroupIds: all((vm) => vm.resources.securityGroupIds),
    dataDiskIds: all((vm) => vm.resources.dataDiskIds),
    sshKeyIds: all((vm) => vm.resources.sshKeyId),
  };
}
