import type { EntityManager } from 'typeorm';
import { mcisEvents } from '../../events/mcis-events';
import type { McisEntity, McisRepository, McisVmEntity, VmSummary } from '../../store/mcis';
import type { ResourceUsage } from '../resources/resource-usage';
import { mcisStatusNow, NONE } from './status';

export interface SettleHooks {
  /** A creation (or scale-out) finished after its policy ran; `failed` VMs were not created. */
  creationFinished?(mcis: McisEntity, failed: number, total: number): void;
  deleted?(nsId: string, mcisId: string): void;
}

const BUSY_STATUSES = ['Creating', 'Terminating'];
const busy = (vm: Pick<McisVmEntity, 'pendingAction' | 'status'>) =>
  vm.pendingAction !== '' || BUSY_STATUSES.includes(vm.status);

/**
 * The MCIS-level half of the control loop, run after each status tick: announces aggregate status
 * changes, ends a creation by its policyOnPartialFailure once every VM has settled (continue keeps the
 * failed VMs, refine terminates and drops them, rollback terminates everything and deletes the MCIS),
 * finishes refines and deletes an MCIS whose deletion was asked once all its VMs are Terminated. Most
 * settles only count statuses (one grouped query); the VMs themselves are read only when a creation or a
 * refine is ending.
 */
export class McisSettler {
  constructor(
    private readonly repo: McisRepository,
    private readonly usage: ResourceUsage | undefined,
    private readonly hooks: SettleHooks = {},
  ) {}

  /** Every MCIS with work in progress, plus those (`ns/id`) whose VMs changed status. */
  async settleAll(touched: Set<string> = new Set()): Promise<void> {
    const keys = new Set(touched);
    for (const mcis of await this.repo.unsettledMcis()) keys.add(`${mcis.nsId}/${mcis.id}`);
    for (const key of keys) {
      const [nsId, id] = key.split('/');
      await this.settle({ nsId, id } as McisEntity);
    }
  }

  /** Announces a changed aggregate status of any MCIS whose VMs moved (also for settled ones). */
  async settle(mcis: McisEntity): Promise<void> {
    await this.repo.transaction(async (em) => {
      const locked = await em
        .createQueryBuilder()
        .select('m')
        .from('mcis', 'm')
        .where('m.ns_id = :ns AND m.id = :id', { ns: mcis.nsId, id: mcis.id })
        .setLock('pessimistic_write')
        .getOne();
      if (!locked) return;
      const current = (await this.repo.findMcis(mcis.nsId, mcis.id, em))!;
      await this.progress(em, current, await this.repo.vmSummary(mcis.nsId, mcis.id, em));
    });
  }

  private async progress(em: EntityManager, mcis: McisEntity, summary: VmSummary[]) {
    const patch: Partial<McisEntity> = {};
    const statuses = summary.flatMap((row) => Array<string>(row.count).fill(row.status));
    const anyBusy = summary.some(busy);
    if (mcis.deleteRequested) {
      // Forced: gone once no call is owed any more. Else once every VM is Terminated (or was never sent,
      // Prepared): a VM whose terminate the cloud refused keeps the MCIS (and its error) rather than leave
      // a VM nobody knows about.
      const owed = summary.some((row) => row.pendingAction !== '');
      const gone = (row: VmSummary) => row.status === 'Terminated' || row.status === 'Prepared';
      const waiting = mcis.forceDelete ? owed : owed || !summary.every(gone);
      if (waiting) return this.announce(em, mcis, statuses, patch);
      await this.usage?.releaseByPrefix(em, mcis.nsId, `${mcis.id}/`);
      await em.delete('mcis', { nsId: mcis.nsId, id: mcis.id });
      await mcisEvents.deleted(em, mcis.nsId, mcis.id);
      this.hooks.deleted?.(mcis.nsId, mcis.id);
      return;
    }
    if (mcis.targetAction === 'Create' && !mcis.hold && !anyBusy) {
      const vms = await this.repo.listVms(mcis.nsId, mcis.id, em);
      const failed = vms.filter((vm) => vm.status === 'Failed');
      patch.creationErrors = {
        vmObjectCreationErrors: [],
        vmCreationErrors: failed.map((vm) => ({
          vmName: vm.id,
          error: vm.systemMessage,
          phase: 'vm_creation',
          timestamp: vm.updatedAt.toISOString(),
        })),
        totalVmCount: vms.length,
        successfulVmCount: vms.length - failed.length,
        failedVmCount: failed.length,
        failureHandlingStrategy: mcis.policyOnPartialFailure,
      };
      if (failed.length && mcis.policyOnPartialFailure === 'rollback') {
        await this.terminate(em, mcis, vms);
        Object.assign(patch, { deleteRequested: true, targetAction: 'Terminate', targetStatus: 'Terminated' });
        patch.systemMessage = [...mcis.systemMessage, `rollback: ${failed.length} of ${vms.length} VMs failed`];
      } else if (failed.length && mcis.policyOnPartialFailure === 'refine') {
        await this.terminate(em, mcis, failed);
        Object.assign(patch, { targetAction: 'Refine', targetStatus: NONE });
      } else {
        Object.assign(patch, { targetAction: NONE, targetStatus: NONE });
      }
      this.hooks.creationFinished?.({ ...mcis, ...patch } as McisEntity, failed.length, vms.length);
      return this.announce(em, mcis, statuses, patch);
    }
    if (mcis.targetAction === 'Refine' && !anyBusy) {
      const vms = await this.repo.listVms(mcis.nsId, mcis.id, em);
      const done = vms.filter((vm) => vm.status === 'Terminated' && vm.pendingAction === '');
      await this.repo.deleteVms(
        em,
        mcis.nsId,
        mcis.id,
        done.map((vm) => vm.id),
      );
      for (const vm of done) await this.usage?.release(em, mcis.nsId, `${mcis.id}/${vm.id}`);
      Object.assign(patch, { targetAction: NONE, targetStatus: NONE });
      const kept = vms.filter((vm) => !done.includes(vm)).map((vm) => vm.status);
      return this.announce(em, mcis, kept, patch);
    }
    if (!['Create', 'Refine', NONE].includes(mcis.targetAction)) {
      if (summary.every((row) => !row.targeted && row.pendingAction === '')) {
        Object.assign(patch, { targetAction: NONE, targetStatus: NONE });
      }
    }
    await this.announce(em, mcis, statuses, patch);
  }

  private async announce(em: EntityManager, mcis: McisEntity, statuses: string[], patch: Partial<McisEntity>) {
    const { status } = mcisStatusNow(mcis.targetAction, statuses);
    if (status !== mcis.status) {
      patch.status = status;
      await mcisEvents.statusChanged(em, mcis.nsId, mcis.id, mcis.status, status);
    }
    if (Object.keys(patch).length) await em.update('mcis', { nsId: mcis.nsId, id: mcis.id }, patch);
  }

  /** Owes spider a terminate for these VMs (those never created need none but pass the same way). */
  async terminate(em: EntityManager, mcis: McisEntity, vms: McisVmEntity[]) {
    const ids = vms.filter((vm) => vm.status !== 'Terminated').map((vm) => vm.id);
    if (!ids.length) return;
    await this.repo.requestAction(em, mcis.nsId, mcis.id, ids, {
      pendingAction: 'Terminate',
      targetAction: 'Terminate',
      targetStatus: 'Terminated',
    });
  }
}
