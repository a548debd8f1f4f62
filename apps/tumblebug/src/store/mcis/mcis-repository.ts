import { Brackets, type DataSource, type EntityManager, In, LessThanOrEqual, Not } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { mcisEvents } from '../../events/mcis-events';
import { McisEntity } from './mcis.entity';
import { McisVmEntity } from './mcis-vm.entity';

export type VmKey = Pick<McisVmEntity, 'nsId' | 'mcisId' | 'id'>;
export const vmKeyOf = (vm: VmKey) => `${vm.nsId}/${vm.mcisId}/${vm.id}`;

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

  listVmsOfNamespace(nsId: string) {
    return this.dataSource.manager.find(McisVmEntity, {
      where: { nsId },
      order: { mcisId: 'ASC', subGroupId: 'ASC', subGroupIndex: 'ASC' },
    });
  }

  findVm(nsId: string, mcisId: string, id: string) {
    return this.dataSource.manager.findOne(McisVmEntity, { where: { nsId, mcisId, id } });
  }

  /** Work owed to spider and due now. */
  dueWork(now: Date, limit: number) {
    return this.dataSource.manager.find(McisVmEntity, {
      where: { pendingAction: Not(''), nextAttemptAt: LessThanOrEqual(now) },
      order: { nextAttemptAt: 'ASC' },
      take: limit,
    });
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
