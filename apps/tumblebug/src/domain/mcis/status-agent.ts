import type { McisRepository, McisVmEntity } from '../../store/mcis';
import type { CloudCallLimits } from './cloud-call-limits';
import type { SpiderVms } from './ports';
import type { SpiderCallCache } from './spider-call-cache';
import { correctedStatus, NONE, TARGET_STATUS_OF, type VmActionName } from './status';
import type { WorkLogger } from './vm-work-worker';
import { accessOf } from './vm-work-worker';

export interface StatusAgentOptions {
  tickMs: number;
  /** A settled VM (Running, Suspended, ...) is checked this often (upstream's PollNormal). */
  settledPollMs: number;
  /** A VM still Creating after this long is Failed (a stuck creation). */
  createTimeoutMs: number;
  /** Connections polled at once. */
  concurrency: number;
}

/**
 * The background status agent: one spider listing per connection whose VMs are moving (or stale) per
 * tick, read through the call cache and under the same cloud limits as the VM work (as background calls:
 * queued work goes first); corrections by target action; targets reset to None once reached.
 * GETs read the stored statuses, so a read of a 1,000-VM MCIS makes no cloud call. Spider's VM status
 * events only make a connection due sooner.
 */
export class McisStatusAgent {
  private timer?: NodeJS.Timeout;
  private running = false;
  private ticking?: Promise<void>;
  private readonly hinted = new Set<string>();
  private touched = new Set<string>();

  constructor(
    private readonly repo: McisRepository,
    private readonly spider: SpiderVms,
    private readonly limits: CloudCallLimits,
    private readonly cache: SpiderCallCache,
    private readonly options: StatusAgentOptions,
    private readonly logger: WorkLogger,
    private readonly afterTick: (touched: Set<string>) => Promise<void>,
  ) {}

  start() {
    this.running = true;
    this.schedule(0);
  }

  async stop() {
    this.running = false;
    clearTimeout(this.timer);
    await this.ticking;
  }

  /** spider said a VM of this connection changed (cb.spider.vm.status_changed). */
  hint(connectionName: string) {
    this.hinted.add(connectionName);
  }

  private schedule(ms: number) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.ticking = this.tick().finally(() => {
        if (this.running) this.schedule(this.options.tickMs);
      });
    }, ms);
  }

  async tick() {
    try {
      const due = new Set(await this.repo.connectionsToWatch(new Date(Date.now() - this.options.settledPollMs)));
      for (const name of this.hinted) due.add(name);
      this.hinted.clear();
      const queue = [...due];
      await Promise.all(
        Array.from({ length: Math.min(this.options.concurrency, queue.length) }, async () => {
          for (let name = queue.shift(); name !== undefined && this.running; name = queue.shift()) {
            await this.pollConnection(name).catch((error: unknown) =>
              // Spider unreachable: keep the stable statuses rather than flip them to Undefined.
              this.logger.warn({ connectionName: name, reason: (error as Error).message }, 'VM statuses unavailable'),
            );
          }
        }),
      );
      const touched = this.touched;
      this.touched = new Set();
      await this.afterTick(touched);
    } catch (error) {
      this.logger.error({ err: error }, 'status agent tick failed');
    }
  }

  private async pollConnection(connectionName: string) {
    const vms = await this.repo.watchedVmsOf(connectionName);
    if (!vms.length) return;
    const underLimits = <T>(work: () => Promise<T>) =>
      this.limits.run(vms[0].providerName, connectionName, work, 'background');
    const listed = await this.cache.read('vmStatusList', connectionName, [], () =>
      underLimits(() => this.spider.listVmStatuses(connectionName)),
    );
    const native = new Map<string, string>(listed.map((s) => [s.IId.NameId, String(s.VmStatus)]));
    const now = new Date();
    const changes: [McisVmEntity, Partial<McisVmEntity>][] = [];
    for (const vm of vms) {
      const seen = native.get(vm.cspResourceName) ?? 'NotExist';
      // A creation given up stays Failed until refine or terminate deals with it.
      const keepFailed = vm.status === 'Failed' && vm.targetAction !== 'Terminate';
      let status: string = keepFailed ? 'Failed' : correctedStatus(seen, vm.status, vm.targetAction);
      let systemMessage = vm.systemMessage;
      if (
        status === 'Creating' &&
        vm.targetAction === 'Create' &&
        now.getTime() - vm.createdAt.getTime() > this.options.createTimeoutMs
      ) {
        status = 'Failed';
        systemMessage = `still ${seen} after ${Math.round(this.options.createTimeoutMs / 1000)} s`;
      }
      const patch: Partial<McisVmEntity> = { nativeStatus: seen, statusCheckedAt: now };
      if (status !== vm.status) {
        Object.assign(patch, { status, systemMessage });
        this.touched.add(`${vm.nsId}/${vm.mcisId}`);
      }
      const target = TARGET_STATUS_OF[vm.targetAction as VmActionName];
      if (target && target === status) Object.assign(patch, { targetAction: NONE, targetStatus: NONE });
      if (status === 'Failed') Object.assign(patch, { targetAction: NONE, targetStatus: NONE });
      if (status === 'Running' && !vm.access.publicIP) {
        const info = await this.cache
          .read('vm', connectionName, [vm.cspResourceName], () =>
            underLimits(() => this.spider.getVm(connectionName, vm.cspResourceName)),
          )
          .catch(() => undefined);
        if (info) patch.access = accessOf(info);
      }
      changes.push([vm, patch]);
    }
    await this.repo.transaction(async (em) => {
      for (const [vm, patch] of changes) await this.repo.setVmStatus(vm, patch, em);
    });
  }
}
