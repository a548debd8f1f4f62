import { isUniqueViolation } from '@cb/db';
import { AlreadyExistsError, ConflictError, InvalidArgumentError, NotFoundError } from '@cb/errors';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { mcisEvents } from '../../events/mcis-events';
import type { McisEntity, McisRepository, McisVmEntity } from '../../store/mcis';
import type { ResourceRef } from '../resources/resource-types';
import type { ResourceUsage, ResourceUse } from '../resources/resource-usage';
import { subnetRef } from '../resources/subnet-service';
import type { CreateSubGroupDynamicReq, CreateSubGroupReq, MciDynamicReq, MciReq } from './mcis-request';
import type { McisResources } from './ports';
import { planSubGroup, type McisIdentity } from './plan-vms';

export interface CreateOptions {
  requestId?: string;
  /** ?option=hold: build the MCIS but send nothing to spider until control continue. */
  hold?: boolean;
}

/**
 * Creating an MCIS, adding a subGroup or VMs: check every reference, then store the MCIS and its VMs
 * (Creating, owed a `Create` to spider) in one transaction and return. The VM work worker and the
 * status agent carry the creation on from the database, so a restart picks it up where it was.
 */
export class McisCreator {
  constructor(
    private readonly repo: McisRepository,
    private readonly resources: McisResources,
    private readonly usage?: ResourceUsage,
  ) {}

  async createStatic(nsId: string, req: MciReq, options: CreateOptions = {}): Promise<McisEntity> {
    await this.requireNamespace(nsId);
    await this.refuseExisting(nsId, req.name);
    const mcis: McisIdentity = { nsId, id: req.name, uid: randomUUID() };
    // The subGroups' references are checked side by side; the first bad subGroup (in request order) answers.
    const planned = await Promise.allSettled(
      req.subGroups.map((group, i) => planSubGroup(this.resources, mcis, group, 1, `subGroups[${i}]`)),
    );
    const refused = planned.find((p): p is PromiseRejectedResult => p.status === 'rejected');
    if (refused) throw refused.reason;
    const vms = planned.flatMap((p) => (p as PromiseFulfilledResult<Partial<McisVmEntity>[]>).value);
    return this.store(mcis, req, vms, options);
  }

  async createDynamic(nsId: string, req: MciDynamicReq, options: CreateOptions = {}): Promise<McisEntity> {
    await this.requireNamespace(nsId);
    await this.refuseExisting(nsId, req.name);
    // Every subGroup is checked before any shared resource is made: a bad one creates nothing.
    const connections: string[] = [];
    for (const [i, group] of req.subGroups.entries())
      connections.push(await this.connectionOf(nsId, group, `subGroups[${i}]`));
    const groups: CreateSubGroupReq[] = [];
    for (const [i, group] of req.subGroups.entries()) groups.push(await this.toStatic(nsId, group, connections[i]));
    return this.createStatic(nsId, { ...req, subGroups: groups }, options);
  }

  /** The connection a dynamic subGroup lands in, once its spec, connection and image are known to exist. */
  async connectionOf(nsId: string, group: CreateSubGroupDynamicReq, field: string): Promise<string> {
    const spec = await this.resources.spec(nsId, group.specId);
    if (!spec) throw new NotFoundError(`spec ${group.specId} does not exist`, { field: `${field}.specId` });
    const connectionName = group.connectionName || spec.connectionName;
    if (!(await this.resources.connection(connectionName))) {
      throw new NotFoundError(`connection ${connectionName} does not exist`, { field: `${field}.connectionName` });
    }
    if (!(await this.resources.image(nsId, group.imageId, connectionName))) {
      throw new NotFoundError(`image ${group.imageId} does not exist`, { field: `${field}.imageId` });
    }
    return connectionName;
  }

  /** A dynamic subGroup as a static one, over the `{nsId}-shared-{connection}` resources (made on first use). */
  async toStatic(nsId: string, group: CreateSubGroupDynamicReq, connectionName: string): Promise<CreateSubGroupReq> {
    const shared = await this.resources.ensureShared(nsId, connectionName);
    return {
      ...group,
      connectionName,
      vNetId: shared.vNetId,
      subnetId: shared.subnetId,
      securityGroupIds: [shared.securityGroupId],
      sshKeyId: shared.sshKeyId,
      dataDiskIds: [],
    };
  }

  /** POST /mci/{id}/vm: a new subGroup in an existing MCIS. */
  async addSubGroup(nsId: string, mcisId: string, group: CreateSubGroupReq): Promise<string[]> {
    const mcis = await this.requireMcis(nsId, mcisId);
    const existing = await this.repo.listVms(nsId, mcisId);
    if (existing.some((vm) => vm.subGroupId === group.name)) {
      throw new AlreadyExistsError(`subGroup ${group.name} already exists in MCI ${mcisId}`, { field: 'name' });
    }
    const vms = await planSubGroup(this.resources, mcis, group, 1, 'subGroup');
    return this.append(mcis, vms);
  }

  /** POST /mci/{id}/subgroup/{sg}: more VMs like the subGroup's first, numbered on from its last. */
  async addVms(nsId: string, mcisId: string, subGroupId: string, count: number): Promise<string[]> {
    const mcis = await this.requireMcis(nsId, mcisId);
    const members = (await this.repo.listVms(nsId, mcisId)).filter((vm) => vm.subGroupId === subGroupId);
    if (!members.length) throw new NotFoundError(`subGroup ${subGroupId} does not exist in MCI ${mcisId}`);
    const template = members[0];
    const next = Math.max(...members.map((vm) => vm.subGroupIndex)) + 1;
    const group: CreateSubGroupReq = {
      name: subGroupId,
      subGroupSize: count,
      connectionName: template.connectionName,
      specId: template.specId,
      imageId: template.imageId,
      vNetId: template.resources.vNetId,
      subnetId: template.resources.subnetId,
      securityGroupIds: template.resources.securityGroupIds,
      sshKeyId: template.resources.sshKeyId,
      dataDiskIds: [],
      vmUserName: template.vmUserName,
      vmUserPassword: template.vmUserPassword,
      rootDiskType: template.rootDiskType,
      rootDiskSize: template.rootDiskSize,
      label: template.label,
      description: template.description,
    };
    return this.append(mcis, await planSubGroup(this.resources, mcis, group, next, 'subGroup'));
  }

  private async append(mcis: McisEntity, vms: Partial<McisVmEntity>[]): Promise<string[]> {
    if (mcis.deleteRequested || mcis.targetAction === 'Terminate') {
      throw new ConflictError(`MCI ${mcis.id} is being terminated`);
    }
    const ids = vms.map((vm) => vm.id!);
    await this.repo.transaction(async (em) => {
      await this.repo.insertVms(em, vms).catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new AlreadyExistsError(`a VM of ${ids.join(', ')} already exists`);
        throw error;
      });
      await this.markUsed(em, vms);
      // The MCIS is creating again: the policy on partial failure applies to the new VMs when they settle.
      await em.update(
        'mcis',
        { nsId: mcis.nsId, id: mcis.id },
        { targetAction: 'Create', targetStatus: 'Running', newVmList: ids },
      );
    });
    return ids;
  }

  private async store(mcis: McisIdentity, req: MciReq, vms: Partial<McisVmEntity>[], options: CreateOptions) {
    const row: Partial<McisEntity> = {
      ...mcis,
      description: req.description,
      installMonAgent: req.installMonAgent,
      label: req.label,
      systemLabel: req.systemLabel,
      placementAlgo: req.placementAlgo,
      policyOnPartialFailure: req.policyOnPartialFailure,
      postCommand: req.postCommand ?? null,
      targetAction: 'Create',
      targetStatus: 'Running',
      status: `Creating:${vms.length} (R:0/${vms.length})`,
      deleteRequested: false,
      forceDelete: false,
      hold: options.hold ?? false,
      systemMessage: [],
      creationErrors: null,
      newVmList: [],
      requestId: options.requestId ?? '',
    };
    if (options.hold) for (const vm of vms) Object.assign(vm, { pendingAction: '', status: 'Prepared' });
    await this.repo.transaction(async (em) => {
      await em.insert('mcis', row).catch((error: unknown) => {
        if (isUniqueViolation(error))
          throw new AlreadyExistsError(`MCI ${mcis.id} already exists in namespace ${mcis.nsId}`);
        throw error;
      });
      await this.repo.insertVms(em, vms);
      await this.markUsed(em, vms);
      await mcisEvents.created(em, mcis.nsId, mcis.id, vms.length);
    });
    return (await this.repo.findMcis(mcis.nsId, mcis.id))!;
  }

  private async markUsed(em: EntityManager, vms: Partial<McisVmEntity>[]) {
    if (!this.usage) return;
    const uses: ResourceUse[] = [];
    for (const vm of vms) {
      const r = vm.resources!;
      const refs: ResourceRef[] = [
        { nsId: vm.nsId!, resourceType: 'vNet', resourceId: r.vNetId },
        subnetRef(vm.nsId!, r.vNetId, r.subnetId),
        { nsId: vm.nsId!, resourceType: 'sshKey', resourceId: r.sshKeyId },
        ...r.securityGroupIds.map((id) => ({ nsId: vm.nsId!, resourceType: 'securityGroup' as const, resourceId: id })),
        ...r.dataDiskIds.map((id) => ({ nsId: vm.nsId!, resourceType: 'dataDisk' as const, resourceId: id })),
      ];
      for (const ref of refs) uses.push({ ref, vmRef: `${vm.mcisId}/${vm.id}` });
    }
    await this.usage.markUsedMany(em, uses);
  }

  async requireNamespace(nsId: string) {
    if (!(await this.resources.namespaceExists(nsId)))
      throw new NotFoundError('Not valid namespace', { field: 'nsId' });
  }

  async requireMcis(nsId: string, mcisId: string): Promise<McisEntity> {
    await this.requireNamespace(nsId);
    const mcis = await this.repo.findMcis(nsId, mcisId);
    if (!mcis) throw new NotFoundError(`MCI ${mcisId} does not exist in namespace ${nsId}`);
    return mcis;
  }

  private async refuseExisting(nsId: string, id: string) {
    if (await this.repo.findMcis(nsId, id))
      throw new AlreadyExistsError(`MCI ${id} already exists in namespace ${nsId}`, { field: 'name' });
  }
}

export const badRequest = (message: string, field?: string) =>
  new InvalidArgumentError(message, field ? { field } : undefined);
