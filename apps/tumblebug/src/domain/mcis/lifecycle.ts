import { ConflictError, InvalidArgumentError, NotFoundError } from '@cb/errors';
import type { McisEntity, McisRepository, McisVmEntity } from '../../store/mcis';
import type { ResourceUsage } from '../resources/resource-usage';
import type { McisCreator } from './create-mcis';
import type { McisSettler } from './settle-mcis';
import { TARGET_STATUS_OF, type VmActionName } from './status';
import { refusedTransition } from './transitions';

export const MCIS_ACTIONS = ['suspend', 'resume', 'reboot', 'terminate', 'refine', 'continue', 'withdraw'] as const;
const VM_LEVEL_ACTIONS = ['suspend', 'resume', 'reboot', 'terminate'] as const;

const MESSAGES: Record<string, string> = {
  suspend: 'Suspending the MCI',
  resume: 'Resuming the MCI',
  reboot: 'Rebooting the MCI',
  terminate: 'Terminating the MCI',
  refine: 'Refining the MCI',
  continue: 'Continue the holding MCI',
  withdraw: 'Withdraw the holding MCI',
};

const TRANSITIONAL_OF: Record<string, string> = {
  Suspend: 'Suspending',
  Resume: 'Resuming',
  Reboot: 'Rebooting',
  Terminate: 'Terminating',
};

/** Control (suspend, resume, reboot, terminate, refine, continue, withdraw) and deletion of MCIS and VMs. */
export class McisLifecycle {
  constructor(
    private readonly repo: McisRepository,
    private readonly creator: McisCreator,
    private readonly settler: McisSettler,
    private readonly usage: ResourceUsage | undefined,
    private readonly poke: () => void,
    private readonly waitTimeoutMs = 120_000,
  ) {}

  async control(nsId: string, mcisId: string, action: string | undefined, vmId?: string): Promise<string> {
    const allowed: readonly string[] = vmId ? VM_LEVEL_ACTIONS : MCIS_ACTIONS;
    if (!action || !allowed.includes(action)) {
      throw new InvalidArgumentError(`'action' should be one of these: ${allowed.join(', ')}`, { field: 'action' });
    }
    const mcis = await this.creator.requireMcis(nsId, mcisId);
    if (action === 'continue' || action === 'withdraw') return this.release(mcis, action);
    if (action === 'refine') return this.refine(mcis);
    const name = (action[0].toUpperCase() + action.slice(1)) as VmActionName;
    let vms = await this.repo.listVms(nsId, mcisId);
    if (vmId) {
      vms = vms.filter((vm) => vm.id === vmId);
      if (!vms.length) throw new NotFoundError(`VM ${vmId} does not exist in MCI ${mcisId}`);
    }
    const candidates = vms.filter((vm) => !(name !== 'Terminate' && vm.status === 'Failed'));
    const refused = candidates.map((vm) => [vm, refusedTransition(vm.status, name)] as const).filter(([, why]) => why);
    if (vmId && refused.length) throw new ConflictError(`VM ${vmId}: ${refused[0][1]}`);
    const targets = candidates.filter(
      (vm) => !refusedTransition(vm.status, name) && !(name === 'Terminate' && vm.status === 'Terminated'),
    );
    if (!targets.length) {
      // Only when nothing was refused: a terminate during creation must say so, not answer a quiet no-op.
      if (name === 'Terminate' && !refused.length) return 'No VM to terminate in the MCI';
      throw new ConflictError(`MCI ${mcisId}: ${refused[0]?.[1] ?? `no VM can ${action}`}`);
    }
    await this.repo.transaction(async (em) => {
      for (const vm of targets) {
        await this.repo.setVmStatus(
          vm,
          {
            status: TRANSITIONAL_OF[name],
            targetAction: name,
            targetStatus: TARGET_STATUS_OF[name],
            pendingAction: name,
            attempts: 0,
            nextAttemptAt: new Date(),
            systemMessage: '',
          },
          em,
        );
      }
      await em.update('mcis', { nsId, id: mcisId }, { targetAction: name, targetStatus: TARGET_STATUS_OF[name] });
    });
    this.poke();
    if (vmId) return `${MESSAGES[action].replace('the MCI', 'the VM')}`;
    return MESSAGES[action];
  }

  private async refine(mcis: McisEntity): Promise<string> {
    await this.repo.transaction(async (em) => {
      const vms = await this.repo.listVms(mcis.nsId, mcis.id, em);
      await this.settler.terminate(
        em,
        mcis,
        vms.filter((vm) => vm.status === 'Failed' || vm.status === 'Undefined'),
      );
      await em.update('mcis', { nsId: mcis.nsId, id: mcis.id }, { targetAction: 'Refine', targetStatus: 'None' });
    });
    this.poke();
    return MESSAGES.refine;
  }

  private async release(mcis: McisEntity, action: 'continue' | 'withdraw'): Promise<string> {
    if (!mcis.hold) throw new ConflictError(`MCI ${mcis.id} is not held (create it with option=hold)`);
    await this.repo.transaction(async (em) => {
      if (action === 'continue') {
        await em.update(
          'mcis_vms',
          { nsId: mcis.nsId, mcisId: mcis.id },
          { pendingAction: 'Create', status: 'Creating', nextAttemptAt: new Date() },
        );
        await em.update('mcis', { nsId: mcis.nsId, id: mcis.id }, { hold: false });
      } else {
        await em.update(
          'mcis_vms',
          { nsId: mcis.nsId, mcisId: mcis.id },
          { status: 'Terminated', targetAction: 'None', targetStatus: 'None' },
        );
        await em.update('mcis', { nsId: mcis.nsId, id: mcis.id }, { hold: false, deleteRequested: true });
      }
    });
    this.poke();
    return MESSAGES[action];
  }

  /**
   * DELETE /mci/{id}: without an option only a Terminated (or never-created) MCIS; `terminate` terminates
   * first and the MCIS goes once every VM is Terminated; `force` also asks spider to terminate each VM (so
   * that nothing is left in the cloud when it can be helped) but drops the metadata as soon as each
   * terminate was sent, whether the cloud carried it out or refused it.
   */
  async delete(nsId: string, mcisId: string, option: string | undefined): Promise<'deleted' | 'terminating'> {
    if (option && option !== 'terminate' && option !== 'force') {
      throw new InvalidArgumentError(`option should be terminate or force, not ${option}`, { field: 'option' });
    }
    const mcis = await this.creator.requireMcis(nsId, mcisId);
    const vms = await this.repo.listVms(nsId, mcisId);
    const deletable = (vm: McisVmEntity) => ['Terminated', 'Failed', 'Undefined', 'Prepared'].includes(vm.status);
    if (!option && !vms.every(deletable)) {
      throw new ConflictError(
        `MCI ${mcisId} is ${mcis.status}: not a deletable status; terminate it first or use option=terminate`,
      );
    }
    await this.repo.transaction(async (em) => {
      await this.settler.terminate(
        em,
        mcis,
        option === 'force' || option === 'terminate'
          ? vms
          : vms.filter((vm) => vm.status === 'Failed' || vm.status === 'Undefined'),
      );
      await em.update(
        'mcis',
        { nsId, id: mcisId },
        {
          deleteRequested: true,
          forceDelete: option === 'force',
          targetAction: 'Terminate',
          targetStatus: 'Terminated',
        },
      );
    });
    this.poke();
    return 'terminating';
  }

  async deleteVm(nsId: string, mcisId: string, vmId: string): Promise<void> {
    await this.creator.requireMcis(nsId, mcisId);
    const vm = await this.repo.findVm(nsId, mcisId, vmId);
    if (!vm) throw new NotFoundError(`VM ${vmId} does not exist in MCI ${mcisId}`);
    if (vm.status !== 'Terminated') {
      await this.control(nsId, mcisId, 'terminate', vmId).catch(() => undefined);
      const terminated = await this.waitFor(
        async () => (await this.repo.findVm(nsId, mcisId, vmId))?.status === 'Terminated',
      );
      // Its record stays while the VM may still exist in the cloud (a refused or slow terminate).
      if (!terminated) {
        const now = await this.repo.findVm(nsId, mcisId, vmId);
        throw new ConflictError(
          `VM ${vmId} is not Terminated yet (${now?.status ?? 'gone'}${now?.systemMessage ? `: ${now.systemMessage}` : ''})`,
        );
      }
    }
    await this.repo.transaction(async (em) => {
      await this.repo.deleteVms(em, nsId, mcisId, [vmId]);
      await this.usage?.release(em, nsId, `${mcisId}/${vmId}`);
    });
    await this.settler.settle({ nsId, id: mcisId } as McisEntity);
  }

  /** Polls the database (not the cloud) until `done`, for the synchronous variants upstream clients expect. */
  async waitFor(done: () => Promise<boolean>, timeoutMs = this.waitTimeoutMs): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (await done()) return true;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return false;
  }
}
