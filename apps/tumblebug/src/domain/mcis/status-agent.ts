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
  /**
   * A connection with VM work still in hand (a creation sending its VMs) is polled at most this often:
   * its calls are better spent on the work, and it is polled as soon as the work is done. Default 10 s.
   */
  busyPollMs?: number;
}

export interface StatusAgentHooks {
  /** Runs after each tick and after each poll that changed a VM (`ns/mcisId` of those changed). */
  settle(touched: Set<string>): Promise<void>;
  /** Whether VM work of the connection is still in hand (then polls wait, see busyPollMs). */
  busy?(connectionName: string): boolean;
}

const DEFAULT_BUSY_POLL_MS = 10_000;

/**
 * The background status agent: one spider listing per connection whose VMs are moving (or stale),
 * read through the call cache and under the same cloud limits as the VM work (as background calls:
 * queued work goes first); corrections by target action; targets reset to None once reached.
 * GETs read the stored statuses, so a read of a 1,000-VM MCIS makes no cloud call. Spider's VM status
 * events make a connection due sooner; the end of a connection's VM work (`pollNow`) polls it at once.
 * Each connection is polled on its own, and the MCIS it touched are settled as soon as its poll ends,
 * so one slow region never holds up the statuses of the others.
 */
export class McisStatusAgent {
  private timer?: NodeJS.Timeout;
  private running = false;
  private ticking?: Promise<void>;
  private tickAgain = false;
  private readonly hinted = new Set<string>();
  private readonly urgent = new Set<string>();
  private readonly polling = new Map<string, Promise<void>>();
  /** Since when a due connection has been left unpolled because its work was in hand. */
  private readonly deferredSince = new Map<string, number>();
  private touched = new Set<string>();
  private settling?: Promise<void>;
  private settleAgain = false;
  private readonly busyPollMs: number;

  constructor(
    private readonly repo: McisRepository,
    private readonly spider: SpiderVms,
    private readonly limits: CloudCallLimits,
    private readonly cache: SpiderCallCache,
    private readonly options: StatusAgentOptions,
    private readonly logger: WorkLogger,
    private readonly hooks: StatusAgentHooks,
  ) {
    this.busyPollMs = options.busyPollMs ?? DEFAULT_BUSY_POLL_MS;
  }

  start() {
    this.running = true;
    this.schedule(0);
  }

  async stop() {
    this.running = false;
    clearTimeout(this.timer);
    await this.ticking;
    await Promise.all(this.polling.values());
    await this.settling;
  }

  /** spider said a VM of this connection changed (cb.spider.vm.status_changed). */
  hint(connectionName: string) {
    this.hinted.add(connectionName);
  }

  /** The connection's VM work just ended: poll it now, whatever it is doing. */
  pollNow(connectionName: string) {
    this.urgent.add(connectionName);
    this.kick();
  }

  /** A tick now, or right after the one under way. */
  private kick() {
    if (!this.running) return;
    if (this.ticking) this.tickAgain = true;
    else this.schedule(0);
  }

  private schedule(ms: number) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.ticking = this.tick().finally(() => {
        this.ticking = undefined;
        const again = this.tickAgain;
        this.tickAgain = false;
        if (this.running) this.schedule(again ? 0 : this.options.tickMs);
      });
    }, ms);
  }

  /** Starts a poll of every due connection not already being polled, then settles what is unsettled. */
  async tick() {
    try {
      const due = new Set(await this.repo.connectionsToWatch(new Date(Date.now() - this.options.settledPollMs)));
      for (const name of [...this.urgent, ...this.hinted]) due.add(name);
      const now = Date.now();
      for (const name of due) {
        if (!this.running) break;
        const urgent = this.urgent.has(name);
        if (this.polling.has(name)) continue; // an urgent request stays and is served after that poll
        if (!urgent && this.hooks.busy?.(name)) {
          this.hinted.delete(name);
          const since = this.deferredSince.get(name) ?? now;
          this.deferredSince.set(name, since);
          if (now - since < this.busyPollMs) continue;
        }
        if (this.polling.size >= this.options.concurrency) continue;
        this.urgent.delete(name);
        this.hinted.delete(name);
        this.deferredSince.delete(name);
        this.startPoll(name);
      }
    } catch (error) {
      this.logger.error({ err: error }, 'status agent tick failed');
    }
    this.settleSoon();
  }

  private startPoll(name: string) {
    const poll = this.pollConnection(name)
      .then((changed) => {
        if (changed) this.settleSoon();
      })
      .catch((error: unknown) =>
        // Spider unreachable: keep the stable statuses rather than flip them to Undefined.
        this.logger.warn({ connectionName: name, reason: (error as Error).message }, 'VM statuses unavailable'),
      )
      .finally(() => {
        this.polling.delete(name);
        // Connections left waiting for a free poll (or asked for again meanwhile) go now, not a tick later.
        if (this.urgent.size) this.kick();
      });
    this.polling.set(name, poll);
  }

  /** Settles the touched MCIS (and every unsettled one) now, or right after the settling under way. */
  private settleSoon() {
    if (this.settling) {
      this.settleAgain = true;
      return;
    }
    this.settling = (async () => {
      do {
        this.settleAgain = false;
        const touched = this.touched;
        this.touched = new Set();
        await this.hooks.settle(touched).catch((error: unknown) => {
          for (const key of touched) this.touched.add(key);
          this.logger.error({ err: error }, 'settling MCIS failed');
        });
      } while (this.settleAgain && this.running);
    })().finally(() => (this.settling = undefined));
  }

  /** Reads the connection's statuses and stores what changed; answers whether any VM status changed. */
  private async pollConnection(connectionName: string): Promise<boolean> {
    const provider = await this.repo.watchedProviderOf(connectionName);
    if (provider === undefined) return false;
    const underLimits = <T>(work: () => Promise<T>) => this.limits.run(provider, connectionName, work, 'background');
    const listed = await this.cache.read('vmStatusList', connectionName, [], () =>
      underLimits(() => this.spider.listVmStatuses(connectionName)),
    );
    // Read after the listing, which may have waited behind work: VMs created meanwhile count this time.
    const vms = await this.repo.watchedVmsOf(connectionName);
    const native = new Map<string, string>(listed.map((s) => [s.IId.NameId, String(s.VmStatus)]));
    const now = new Date();
    const changes: [McisVmEntity, Partial<McisVmEntity>][] = [];
    let changed = false;
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
        changed = true;
      }
      const target = TARGET_STATUS_OF[vm.targetAction as VmActionName];
      if ((target && target === status) || status === 'Failed') {
        Object.assign(patch, { targetAction: NONE, targetStatus: NONE });
        if (vm.targetAction !== NONE) {
          this.touched.add(`${vm.nsId}/${vm.mcisId}`);
          changed = true;
        }
      }
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
    await this.repo.transaction((em) => this.repo.setVmStatuses(changes, em));
    return changed;
  }
}
