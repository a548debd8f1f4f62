import { Brackets, type DataSource, type EntityManager, In, Not } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { mcisEvents } from '../../events/mcis-events';
import { McisEntity } from './mcis.entity';
import { McisVmEntity } from './mcis-vm.entity';

export type VmKey = Pick<McisVmEntity, 'nsId' | 'mcisId' | 'id'>;
export const vmKeyOf = (vm: VmKey) => `${vm.nsId}/${vm.mcisId}/${vm.id}`;

/** How many VMs of an MCIS share a status, an owed action and whether a target action is set. */
export interface VmSummary {
  status: string;
  pendingAction: string;
  targeted: boolean;
  count: number;
}

/** Statuses the status agent watches closely (upstream's PollHigh). */
export const BUSY_STATUSES = ['Creating', 'Suspending', 'Resuming', 'Rebooting', 'Terminating'];

/** MCIS and VM rows; every change that users can observe is announced in the same transaction. */
export class McisRepository {
  constructor(readonly dataSource: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findMcis(nsId: string, id: string, em: EntityManager = this.dataSource.manager) {
    return em.findOne(McisEntity, { where: { nsId, id } });
  }

  listMcis(nsId: string) {
    return this.dataSource.manager.find(McisEntity, { where: { nsId }, order: { id: 'ASC' } });
  }

  listVms(nsId: string, mcisId: string, em: EntityManager = this.dataSource.manager) {
    return em.find(McisVmEntity, { where: { nsId, mcisId }, order: { subGroupId: 'ASC', subGroupIndex: 'ASC' } });
  }

  /** The MCIS's VMs counted by status, owed action and target (what settling mostly needs). */
  async vmSummary(nsId: string, mcisId: string, em: EntityManager = this.dataSource.manager): Promise<VmSummary[]> {
    const rows: { status: string; pending_action: string; targeted: boolean; count: string }[] = await em.query(
      `SELECT status, pending_action, target_action <> 'None' AS targeted, count(*) AS count
       FROM mcis_vms WHERE ns_id = $1 AND mcis_id = $2 GROUP BY 1, 2, 3`,
      [nsId, mcisId],
    );
    return rows.map((r) => ({
      status: r.status,
      pendingAction: r.pending_action,
      targeted: r.targeted,
      count: Number(r.count),
    }));
  }

  listVmsOfNamespace(nsId: string) {
    return this.dataSource.manager.find(McisVmEntity, {
      where: { nsId },
      order: { mcisId: 'ASC', subGroupId: 'ASC', subGroupIndex: 'ASC' },
    });
  }

  findVm(nsId: string, mcisId: string, id: string) {
    return this.dataSource.manager.findOne(McisVmEntity, { where: { nsId, mcisId, id } });
  }

  /**
   * Up to `limit` VMs owed work to spider and due now, leaving out those `skip` names (work already in
   * hand). Oldest first; among equally old ones by their number in the subGroup, so that the first VMs of
   * every subGroup (region) come before the second ones and every region gets work from the first claim.
   * Only keys are read for the VMs skipped, so a tick during a large creation stays cheap.
   */
  async dueWork(now: Date, limit: number, skip: (key: string) => boolean = () => false): Promise<McisVmEntity[]> {
    const rows: { ns_id: string; mcis_id: string; id: string }[] = await this.dataSource.query(
      `SELECT ns_id, mcis_id, id FROM mcis_vms WHERE pending_action <> '' AND next_attempt_at <= $1
       ORDER BY next_attempt_at, sub_group_index LIMIT $2`,
      [now, limit],
    );
    const keys = rows.map((r) => ({ nsId: r.ns_id, mcisId: r.mcis_id, id: r.id })).filter((k) => !skip(vmKeyOf(k)));
    return this.owedWork(keys);
  }

  /**
   * The VMs of `keys` that still owe work, in the keys' order. Read again, since work in flight at the first
   * read may have finished before `skip` was asked: such a VM owes nothing now, and doing its old action once more
   * would send spider an empty action and reset the VM's target.
   */
  async owedWork(keys: { nsId: string; mcisId: string; id: string }[]): Promise<McisVmEntity[]> {
    if (!keys.length) return [];
    const order = new Map(keys.map((key, i) => [vmKeyOf(key), i]));
    const vms = await this.dataSource.manager.find(McisVmEntity, {
      where: keys.map((key) => ({ ...key, pendingAction: Not('') })),
    });
    return vms.sort((a, b) => order.get(vmKeyOf(a))! - order.get(vmKeyOf(b))!);
  }

  /** Connections with a VM in spider whose status is moving or last checked before `staleBefore`. */
  async connectionsToWatch(staleBefore: Date): Promise<string[]> {
    const rows: { connection_name: string }[] = await this.dataSource.manager
      .createQueryBuilder(McisVmEntity, 'vm')
      .select('DISTINCT vm.connection_name', 'connection_name')
      .where(`vm.pending_action = ''`)
      .andWhere(`vm.status <> 'Terminated'`)
      .andWhere(
        new Brackets((q) =>
          q
            .where('vm.status IN (:...busy)', { busy: [...BUSY_STATUSES, 'Undefined'] })
            .orWhere(`vm.target_action <> 'None'`)
            .orWhere('vm.status_checked_at IS NULL')
            .orWhere('vm.status_checked_at < :staleBefore', { staleBefore }),
        ),
      )
      .getRawMany();
    return rows.map((row) => row.connection_name);
  }

  /** VMs of a connection that spider should know about (sent, not terminated). */
  watchedVmsOf(connectionName: string) {
    return this.dataSource.manager.find(McisVmEntity, {
      where: { connectionName, pendingAction: '', status: Not('Terminated') },
    });
  }

  /** The provider of a connection with watched VMs, or undefined when it has none. */
  async watchedProviderOf(connectionName: string): Promise<string | undefined> {
    const vm = await this.dataSource.manager.findOne(McisVmEntity, {
      select: { providerName: true },
      where: { connectionName, pendingAction: '', status: Not('Terminated') },
    });
    return vm?.providerName;
  }

  findVmBySpiderName(connectionName: string, cspResourceName: string) {
    return this.dataSource.manager.findOne(McisVmEntity, { where: { connectionName, cspResourceName } });
  }

  /** MCIS whose creation, action or deletion is still in progress. */
  unsettledMcis() {
    return this.dataSource.manager.find(McisEntity, {
      where: [{ targetAction: Not('None') }, { deleteRequested: true }],
    });
  }

  /** Updates a VM; with `onlyIfPending`, only while that action is still the one owed (a newer request wins). */
  async updateVm(key: VmKey, patch: Partial<McisVmEntity>, onlyIfPending?: string, em = this.dataSource.manager) {
    const where = {
      nsId: key.nsId,
      mcisId: key.mcisId,
      id: key.id,
      ...(onlyIfPending ? { pendingAction: onlyIfPending } : {}),
    };
    const result = await em.update(McisVmEntity, where, patch as QueryDeepPartialEntity<McisVmEntity>);
    return (result.affected ?? 0) > 0;
  }

  /** A VM's status change with its event. */
  async setVmStatus(vm: McisVmEntity, patch: Partial<McisVmEntity>, em: EntityManager) {
    await em.update(
      McisVmEntity,
      { nsId: vm.nsId, mcisId: vm.mcisId, id: vm.id },
      patch as QueryDeepPartialEntity<McisVmEntity>,
    );
    if (patch.status && patch.status !== vm.status) {
      await mcisEvents.vmStatusChanged(em, vm.nsId, vm.mcisId, vm.id, vm.status, patch.status);
    }
  }

  /**
   * The status agent's findings with their events, each written only while the VM still has the status
   * and target action it was read with and owes spider nothing (a control, terminate or settle that came
   * in meanwhile wins; the next poll looks again). VMs of one MCIS given the same patch (a region's VMs
   * all seen Running) are written by one UPDATE. Answers how many VMs were written.
   */
  async setVmStatuses(changes: [McisVmEntity, Partial<McisVmEntity>][], em: EntityManager): Promise<number> {
    const groups = new Map<string, { vm: McisVmEntity; patch: Partial<McisVmEntity>; ids: string[] }>();
    for (const [vm, patch] of changes) {
      const key = JSON.stringify([vm.nsId, vm.mcisId, vm.status, vm.targetAction, patch]);
      const group = groups.get(key);
      if (group) group.ids.push(vm.id);
      else groups.set(key, { vm, patch, ids: [vm.id] });
    }
    const written = new Set<string>();
    for (const { vm, patch, ids } of groups.values()) {
      const result = await em
        .createQueryBuilder()
        .update(McisVmEntity)
        .set(patch as QueryDeepPartialEntity<McisVmEntity>)
        .where(
          `ns_id = :nsId AND mcis_id = :mcisId AND id IN (:...ids) AND status = :status
           AND target_action = :targetAction AND pending_action = ''`,
          { nsId: vm.nsId, mcisId: vm.mcisId, ids, status: vm.status, targetAction: vm.targetAction },
        )
        .returning(['id'])
        .execute();
      for (const row of result.raw as { id: string }[]) written.add(vmKeyOf({ ...vm, id: row.id }));
    }
    for (const [vm, patch] of changes) {
      if (written.has(vmKeyOf(vm)) && patch.status && patch.status !== vm.status) {
        await mcisEvents.vmStatusChanged(em, vm.nsId, vm.mcisId, vm.id, vm.status, patch.status);
      }
    }
    return written.size;
  }

  async insertVms(em: EntityManager, vms: Partial<McisVmEntity>[]) {
    for (let i = 0; i < vms.length; i += 500) {
      await em.insert(McisVmEntity, vms.slice(i, i + 500) as QueryDeepPartialEntity<McisVmEntity>[]);
    }
  }

  deleteVms(em: EntityManager, nsId: string, mcisId: string, ids: string[]) {
    return em.delete(McisVmEntity, { nsId, mcisId, id: In(ids) });
  }

  /** Owes `action` to spider for these VMs, now. */
  requestAction(em: EntityManager, nsId: string, mcisId: string, ids: string[], patch: Partial<McisVmEntity>) {
    return em.update(McisVmEntity, { nsId, mcisId, id: In(ids) }, {
      attempts: 0,
      nextAttemptAt: new Date(),
      ...patch,
    } as QueryDeepPartialEntity<McisVmEntity>);
  }
}
