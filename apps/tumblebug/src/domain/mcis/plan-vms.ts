import { InvalidArgumentError, NotFoundError } from '@cb/errors';
import { randomUUID } from 'node:crypto';
import type { McisVmEntity } from '../../store/mcis';
import type { CreateSubGroupReq } from './mcis-request';
import type { McisResources, NamedResource } from './ports';
import { cspVmName, vmIdOf } from './vm-naming';
import { imageSummaryOf, specSummaryOf } from './vm-summaries';

export interface McisIdentity {
  nsId: string;
  id: string;
  uid: string;
}

const must = <T>(value: T | undefined, message: string, field: string): T => {
  if (value === undefined) throw new NotFoundError(message, { field });
  return value;
};

/**
 * The VM rows of one static subGroup, numbered from `firstIndex`, after checking that every referenced
 * object exists and sits in the subGroup's connection. Nothing is written here: a bad reference
 * refuses the whole request before anything exists.
 */
export async function planSubGroup(
  resources: McisResources,
  mcis: McisIdentity,
  group: CreateSubGroupReq,
  firstIndex: number,
  field: string,
): Promise<Partial<McisVmEntity>[]> {
  const ns = mcis.nsId;
  const connection = must(
    await resources.connection(group.connectionName),
    `connection ${group.connectionName} does not exist`,
    `${field}.connectionName`,
  );
  const spec = must(await resources.spec(ns, group.specId), `spec ${group.specId} does not exist`, `${field}.specId`);
  const image = must(
    await resources.image(ns, group.imageId, group.connectionName),
    `image ${group.imageId} does not exist`,
    `${field}.imageId`,
  );
  const vNet = must(await resources.vNet(ns, group.vNetId), `vNet ${group.vNetId} does not exist`, `${field}.vNetId`);
  const subnet = must(
    await resources.subnet(ns, group.vNetId, group.subnetId),
    `subnet ${group.subnetId} does not exist in vNet ${group.vNetId}`,
    `${field}.subnetId`,
  );
  const sgs: NamedResource[] = [];
  for (const id of group.securityGroupIds) {
    sgs.push(
      must(await resources.securityGroup(ns, id), `securityGroup ${id} does not exist`, `${field}.securityGroupIds`),
    );
  }
  const key = must(
    await resources.sshKey(ns, group.sshKeyId),
    `sshKey ${group.sshKeyId} does not exist`,
    `${field}.sshKeyId`,
  );
  const disks: NamedResource[] = [];
  for (const id of group.dataDiskIds) {
    disks.push(must(await resources.dataDisk(ns, id), `dataDisk ${id} does not exist`, `${field}.dataDiskIds`));
  }
  for (const [what, r] of [
    ['vNet', vNet],
    ['sshKey', key],
    ...sgs.map((sg) => ['securityGroup', sg] as const),
  ] as const) {
    if (r.connectionName && r.connectionName !== group.connectionName) {
      throw new InvalidArgumentError(
        `${what} ${r.id} is in connection ${r.connectionName}, not in ${group.connectionName}`,
        { field: `${field}.connectionName` },
      );
    }
  }
  if (disks.length && group.subGroupSize > 1) {
    throw new InvalidArgumentError('dataDiskIds can only be attached to a subGroup of one VM', {
      field: `${field}.dataDiskIds`,
    });
  }
  const now = new Date();
  return Array.from({ length: group.subGroupSize }, (_, i) => {
    const index = firstIndex + i;
    return {
      nsId: ns,
      mcisId: mcis.id,
      id: vmIdOf(group.name, index),
      uid: randomUUID(),
      subGroupId: group.name,
      subGroupIndex: index,
      cspResourceName: cspVmName(ns, mcis.id, mcis.uid, group.name, index),
      cspResourceId: '',
      connectionName: connection.configName,
      providerName: connection.providerName,
      regionName: connection.regionId,
      location: {
        display: connection.regionDisplay,
        latitude: connection.latitude ?? 0,
        longitude: connection.longitude ?? 0,
      },
      specId: spec.id,
      cspSpecName: spec.cspSpecName,
      imageId: image.id,
      cspImageName: image.cspImageName,
      imageType: image.imageType,
      specSummary: specSummaryOf(spec),
      imageSummary: imageSummaryOf(image),
      resources: {
        vNetId: vNet.id,
        cspVNetName: vNet.cspResourceName,
        subnetId: subnet.id,
        cspSubnetName: subnet.cspResourceName,
        securityGroupIds: sgs.map((sg) => sg.id),
        cspSecurityGroupNames: sgs.map((sg) => sg.cspResourceName),
        sshKeyId: key.id,
        cspSshKeyName: key.cspResourceName,
        dataDiskIds: disks.map((d) => d.id),
        cspDataDiskNames: disks.map((d) => d.cspResourceName),
      },
      vmUserName: group.vmUserName ?? 'cb-user',
      vmUserPassword: group.vmUserPassword ?? '',
      rootDiskType: group.rootDiskType,
      rootDiskSize: group.rootDiskSize,
      label: group.label,
      description: group.description,
      status: 'Creating',
      targetStatus: 'Running',
      targetAction: 'Create',
      nativeStatus: '',
      systemMessage: '',
      pendingAction: 'Create',
      attempts: 0,
      nextAttemptAt: now,
      access: {},
      statusCheckedAt: null,
    };
  });
}
