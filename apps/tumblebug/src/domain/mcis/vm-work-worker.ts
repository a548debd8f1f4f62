import type { VMInfo } from '@cb/driver-sdk';
import { AppError, NotFoundError } from '@cb/errors';
import type { McisRepository, McisVmEntity, VmAccess } from '../../store/mcis';
import { vmKeyOf } from '../../store/mcis/mcis-repository';
import type { CloudCallLimits } from './cloud-call-limits';
import type { SpiderVms } from './ports';
import type { SpiderCallCache } from './spider-call-cache';

export interface VmWorkOptions {
  tickMs: number;
  batch: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** How long throttled calls of one VM action are retried (a creation counts from the VM's creation). */
  throttleDeadlineMs?: number;
}

const DEFAULT_THROTTLE_DEADLINE_MS = 1_200_000;

export interface WorkLogger {
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

/** Passing failures: worth a bounded number of tries later (upstream's transient retry list). */
const RETRYABLE = new Set(['UNAVAILABLE', 'TIMEOUT', 'INTERNAL']);

type ControlAction = 'suspend' | 'resume' | 'reboot';

const isThrottled = (error: unknown): error is AppError => error instanceof AppError && error.code === 'THROTTLED';

/**
 * Sends what the database says is owed to spider (create, suspend, resume, reboot, terminate), each
 * VM at most once at a time, every call under the per-provider/region limits. A throttled call is
 * tried again (after the cloud's retry-after, else with exponential backoff) until the action's deadline;
 * transient failures get `maxAttempts` tries (a terminate more, see persists()). A creation this process has
 * not tried before is sent straight away: a VM an earlier process already made answers ALREADY_EXISTS and is
 * adopted. A creation resumed from an earlier process, or tried before, first looks for the VM in the region's
 * listing.
 */
export class VmWorkWorker {
  private readonly inFlight = new Set<string>();
  /** VMs in hand per connection; when one drops to none, `drained` is told. */
  private readonly perConnection = new Map<string, number>();
  private readonly drainedListeners: ((connectionName: string) => void)[] = [];
  private timer?: NodeJS.Timeout;
  private running = false;
  private ticking?: Promise<unknown>;
  /** VMs created (rows written) before this moment may have been sent by an earlier process. */
  private readonly startedAt = Date.now();
  private readonly throttleDeadlineMs: number;

  constructor(
    private readonly repo: McisRepository,
    private readonly spider: SpiderVms,
    private readonly limits: CloudCallLimits,
    private readonly cache: SpiderCallCache,
    private readonly options: VmWorkOptions,
    private readonly logger: WorkLogger,
  ) {
    this.throttleDeadlineMs = options.throttleDeadlineMs ?? DEFAULT_THROTTLE_DEADLINE_MS;
  }

  start() {
    this.running = true;
    this.schedule(0);
  }

  async stop() {
    this.running = false;
    clearTimeout(this.timer);
    await this.ticking;
  }

  /** Looks for work at once (after a request stored some). */
  poke() {
    if (this.running) this.schedule(0);
  }

  /** Whether this process has work of the connection in hand (queued for its cloud, running or retrying). */
  busy(connectionName: string): boolean {
    return this.perConnection.has(connectionName);
  }

  /** Calls `listener` whenever the last work in hand of a connection has ended (its statuses are worth a look). */
  onDrained(listener: (connectionName: string) => void) {
    this.drainedListeners.push(listener);
  }

  private schedule(ms: number) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      let more = false;
      this.ticking = this.tick()
        .then((full) => (more = full))
        .finally(() => {
          // A full batch means more is owed: claim it now rather than a tick later.
          if (this.running) this.schedule(more ? 0 : this.options.tickMs);
        });
    }, ms);
  }

  /** Starts the owed work not already in flight; answers whether it found a full batch of new work. */
  private async tick(): Promise<boolean> {
    try {
      const due = await this.repo.dueWork(new Date(), this.options.batch + this.inFlight.size, (key) =>
        this.inFlight.has(key),
      );
      let started = 0;
      for (const vm of due) {
        const key = vmKeyOf(vm);
        if (this.inFlight.has(key) || !this.running) continue;
        this.inFlight.add(key);
        this.perConnection.set(vm.connectionName, (this.perConnection.get(vm.connectionName) ?? 0) + 1);
        started++;
        void this.perform(vm)
          .catch((error: unknown) => this.logger.error({ err: error, vm: key }, 'VM work failed unexpectedly'))
          .finally(() => this.done(key, vm.connectionName));
      }
      return started >= this.options.batch;
    } catch (error) {
      this.logger.error({ err: error }, 'could not read VM work');
      return false;
    }
  }

  private done(key: string, connectionName: string) {
    this.inFlight.delete(key);
    const left = (this.perConnection.get(connectionName) ?? 1) - 1;
    if (left > 0) return void this.perConnection.set(connectionName, left);
    this.perConnection.delete(connectionName);
    for (const listener of this.drainedListeners) listener(connectionName);
  }

  private async perform(vm: McisVmEntity) {
    const action = vm.pendingAction;
    const deadline = (action === 'Create' ? vm.createdAt.getTime() : Date.now()) + this.throttleDeadlineMs;
    try {
      if (action === 'Create') await this.create(vm, deadline);
      else if (action === 'Terminate') await this.terminate(vm, deadline);
      else await this.control(vm, action.toLowerCase() as ControlAction, deadline);
    } catch (error) {
      await this.failed(vm, action, error, deadline);
    }
  }

  /**
   * One cloud call under the limits; throttling is waited out (the cloud's retry-after, else doubling
   * backoff) until `deadline`. A write makes the connection's cached reads stale.
   */
  private async call<T>(vm: McisVmEntity, deadline: number, work: () => Promise<T>, write = true): Promise<T> {
    for (let throttles = 0; ; throttles++) {
      try {
        return await this.limits.run(vm.providerName, vm.connectionName, work);
      } catch (error) {
        if (!isThrottled(error) || !this.running) throw error;
        const hinted = Number(error.details?.retryAfterMs);
        const backoff = Math.min(this.options.backoffMaxMs, this.options.backoffBaseMs * 2 ** Math.min(throttles, 20));
        const wait = (Number.isFinite(hinted) && hinted > 0 ? hinted : backoff) * (1 + Math.random() * 0.25);
        if (Date.now() + wait >= deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, wait));
      } finally {
        if (write) this.cache.invalidate(vm.connectionName);
      }
    }
  }

  private async create(vm: McisVmEntity, deadline: number) {
    const resumed = vm.attempts > 0 || vm.createdAt.getTime() < this.startedAt;
    const known = resumed
      ? await this.cache.read('vmStatusList', vm.connectionName, [], () =>
          this.call(vm, deadline, () => this.spider.listVmStatuses(vm.connectionName), false),
        )
      : [];
    let info: VMInfo;
    if (known.some((s) => s.IId.NameId === vm.cspResourceName)) {
      info = await this.call(vm, deadline, () => this.spider.getVm(vm.connectionName, vm.cspResourceName), false);
    } else {
      try {
        info = await this.call(vm, deadline, () =>
          this.spider.startVm(vm.connectionName, {
            Name: vm.cspResourceName,
            ImageType: vm.imageType === 'MyImage' ? 'MyImage' : 'PublicImage',
            ImageName: vm.cspImageName,
            VMSpecName: vm.cspSpecName,
            VPCName: vm.resources.cspVNetName,
            SubnetName: vm.resources.cspSubnetName,
            SecurityGroupNames: vm.resources.cspSecurityGroupNames,
            KeyPairName: vm.resources.cspSshKeyName,
            DataDiskNames: vm.resources.cspDataDiskNames,
            ...(vm.rootDiskType && vm.rootDiskType !== 'default' ? { RootDiskType: vm.rootDiskType } : {}),
            ...(vm.rootDiskSize > 0 ? { RootDiskSize: String(vm.rootDiskSize) } : {}),
            ...(vm.vmUserPassword ? { VMUserPasswd: vm.vmUserPassword } : {}),
            TagList: [
              { Key: 'sys.namespace', Value: vm.nsId },
              { Key: 'sys.mciId', Value: vm.mcisId },
              { Key: 'sys.id', Value: vm.id },
            ],
          }),
        );
      } catch (error) {
        // An earlier call (before a crash) made it or is still making it: adopt it once spider has it.
        if (error instanceof AppError && error.code === 'ALREADY_EXISTS') {
          info = await this.call(vm, deadline, () => this.spider.getVm(vm.connectionName, vm.cspResourceName), false);
        } else throw error;
      }
    }
    await this.repo.updateVm(
      vm,
      { cspResourceId: info.IId.SystemId, access: accessOf(info), pendingAction: '', attempts: 0, systemMessage: '' },
      'Create',
    );
  }

  private async control(vm: McisVmEntity, action: ControlAction, deadline: number) {
    await this.call(vm, deadline, () => this.spider.controlVm(vm.connectionName, vm.cspResourceName, action));
    await this.repo.updateVm(vm, { pendingAction: '', attempts: 0 }, vm.pendingAction);
  }

  private async terminate(vm: McisVmEntity, deadline: number) {
    try {
      await this.call(vm, deadline, () => this.spider.terminateVm(vm.connectionName, vm.cspResourceName));
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      // Never reached spider (or already gone): nothing to terminate.
    }
    // Terminating until the status agent sees it gone, so nothing settles on the status it had before.
    const status = vm.status === 'Terminated' ? vm.status : 'Terminating';
    await this.repo.transaction(async (em) => {
      if (await this.repo.updateVm(vm, { pendingAction: '', attempts: 0 }, 'Terminate', em))
        await this.repo.setVmStatus(vm, { status }, em);
    });
  }

  /**
   * A terminate is not given up for a passing failure: that would leave a VM running (and billed) that the user
   * asked to stop, and its MCIS waiting for it; it goes on at the capped backoff. Unless the MCIS is being
   * force-deleted, which drops it once each terminate was tried, carried out or not.
   */
  private async persists(vm: McisVmEntity, action: string): Promise<boolean> {
    if (action !== 'Terminate') return false;
    const mcis = await this.repo.findMcis(vm.nsId, vm.mcisId);
    return !!mcis && !mcis.forceDelete;
  }

  private async failed(vm: McisVmEntity, action: string, error: unknown, deadline: number) {
    const code = error instanceof AppError ? error.code : 'INTERNAL';
    const message = error instanceof Error ? error.message : String(error);
    // Throttling reaches here at its deadline, or when the worker stops (then the work waits for the next one).
    const stillThrottled = code === 'THROTTLED' && Date.now() < deadline;
    const attempts = stillThrottled ? vm.attempts : vm.attempts + 1;
    if (
      stillThrottled ||
      (RETRYABLE.has(code) && (attempts < this.options.maxAttempts || (await this.persists(vm, action))))
    ) {
      const hinted = error instanceof AppError ? Number(error.details?.retryAfterMs ?? 0) : 0;
      const backoff = Math.min(this.options.backoffMaxMs, this.options.backoffBaseMs * 2 ** (attempts - 1));
      const wait = Math.max(hinted, backoff) * (0.75 + Math.random() * 0.5);
      await this.repo.updateVm(
        vm,
        { attempts, nextAttemptAt: new Date(Date.now() + wait), systemMessage: message },
        action,
      );
      return;
    }
    this.logger.warn({ vm: vmKeyOf(vm), action, code, reason: message }, 'VM action given up');
    if (action === 'Create') {
      await this.repo.transaction((em) =>
        this.repo.setVmStatus(vm, { status: 'Failed', pendingAction: '', attempts, systemMessage: message }, em),
      );
    } else if (action === 'Terminate') {
      await this.repo.updateVm(vm, { pendingAction: '', attempts, systemMessage: message }, action);
    } else {
      await this.repo.updateVm(
        vm,
        { pendingAction: '', attempts, systemMessage: message, targetAction: 'None', targetStatus: 'None' },
        action,
      );
    }
  }
}

export function accessOf(info: VMInfo): VmAccess {
  const port = Number((info.SSHAccessPoint ?? '').split(':')[1] ?? 22);
  return {
    publicIP: info.PublicIP ?? '',
    privateIP: info.PrivateIP ?? '',
    publicDNS: info.PublicDNS ?? '',
    privateDNS: info.PrivateDNS ?? '',
    sshPort: Number.isFinite(port) && port > 0 ? port : 22,
    zone: info.Region?.Zone ?? '',
    cspVNetId: info.VpcIID?.SystemId ?? '',
    cspSubnetId: info.SubnetIID?.SystemId ?? '',
    rootDeviceName: info.RootDeviceName ?? '',
    networkInterface: info.NetworkInterface ?? '',
    cspSshKeyId: info.KeyPairIId?.SystemId ?? '',
  };
}
