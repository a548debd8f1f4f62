import { createEventBus, type Subscription } from '@cb/events';
import { ConflictError, NotFoundError } from '@cb/errors';
import type { TumblebugDeps } from '../../deps';
import {
  McisRepository,
  readVmStatusRows,
  type McisEntity,
  type McisVmEntity,
  type VmStatusRow,
} from '../../store/mcis';
import { CloudCallLimits } from './cloud-call-limits';
import { McisCreator, type CreateOptions } from './create-mcis';
import { McisLifecycle } from './lifecycle';
import type { CreateSubGroupReq, MciDynamicReq, MciReq } from './mcis-request';
import { mcisOptionsFrom, type McisOptions } from './mcis-options';
import { RequestTracker } from './request-tracker';
import { reviewDynamic } from './review-dynamic';
import { McisSettler } from './settle-mcis';
import { SpiderCallCache } from './spider-call-cache';
import { McisStatusAgent } from './status-agent';
import { TumblebugResources } from './tumblebug-resources';
import { VmWorkWorker } from './vm-work-worker';

export interface McisView {
  mcis: McisEntity;
  vms: McisVmEntity[];
}

/** An MCIS with only its VMs' status rows (what a status answer needs). */
export interface McisStatusView {
  mcis: McisEntity;
  vms: VmStatusRow[];
}

/** MCIS as one object: use cases for the REST API, the background loops for startMcisWorkers. */
export class McisService {
  readonly repo: McisRepository;
  readonly creator: McisCreator;
  readonly lifecycle: McisLifecycle;
  readonly settler: McisSettler;
  readonly worker: VmWorkWorker;
  readonly agent: McisStatusAgent;
  readonly requests = new RequestTracker();
  readonly resources: TumblebugResources;
  private subscription?: Subscription;

  constructor(
    private readonly deps: TumblebugDeps,
    readonly options: McisOptions = mcisOptionsFrom(deps.config.mcis),
  ) {
    this.repo = new McisRepository(deps.dataSource);
    this.resources = new TumblebugResources(deps);
    this.creator = new McisCreator(this.repo, this.resources, deps.resourceUsage);
    this.settler = new McisSettler(this.repo, deps.resourceUsage, {
      creationFinished: (mcis, failed, total) =>
        this.requests.finish(mcis.requestId, {
          ok: failed === 0 || mcis.policyOnPartialFailure !== 'rollback',
          response: { id: mcis.id, failedVmCount: failed, totalVmCount: total, policy: mcis.policyOnPartialFailure },
        }),
    });
    // One cache and one set of limits: the creation engine and the status agent share each region's budget.
    const cache = new SpiderCallCache();
    const limits = new CloudCallLimits(options.limits);
    this.worker = new VmWorkWorker(
      this.repo,
      deps.spider,
      limits,
      cache,
      { throttleDeadlineMs: options.status.createTimeoutMs, ...options.work },
      deps.logger,
    );
    this.agent = new McisStatusAgent(this.repo, deps.spider, limits, cache, options.status, deps.logger, {
      settle: (touched) => this.settler.settleAll(touched),
      busy: (connectionName) => this.worker.busy(connectionName),
    });
    // A connection whose VM work is done is polled at once: its VMs' statuses are what a creation waits for.
    this.worker.onDrained((connectionName) => this.agent.pollNow(connectionName));
    this.lifecycle = new McisLifecycle(
      this.repo,
      this.creator,
      this.settler,
      deps.resourceUsage,
      () => this.worker.poke(),
      options.waitTimeoutMs,
    );
  }

  async create(nsId: string, req: MciReq, options: CreateOptions & { url?: string } = {}) {
    const mcis = await this.creator.createStatic(nsId, req, options);
    return this.accepted(mcis, options);
  }

  async createDynamic(nsId: string, req: MciDynamicReq, options: CreateOptions & { url?: string } = {}) {
    const mcis = await this.creator.createDynamic(nsId, req, options);
    return this.accepted(mcis, options);
  }

  review(nsId: string, req: MciDynamicReq) {
    return reviewDynamic(this.creator, this.resources, nsId, req);
  }

  async addSubGroup(nsId: string, mcisId: string, group: CreateSubGroupReq) {
    const ids = await this.creator.addSubGroup(nsId, mcisId, group);
    this.worker.poke();
    return ids;
  }

  async addVms(nsId: string, mcisId: string, subGroupId: string, count: number) {
    const ids = await this.creator.addVms(nsId, mcisId, subGroupId, count);
    this.worker.poke();
    return ids;
  }

  async list(nsId: string): Promise<McisView[]> {
    await this.creator.requireNamespace(nsId);
    const [all, vms] = await Promise.all([this.repo.listMcis(nsId), this.repo.listVmsOfNamespace(nsId)]);
    return all.map((mcis) => ({ mcis, vms: vms.filter((vm) => vm.mcisId === mcis.id) }));
  }

  /** The namespace's MCIS ids (GET /mci?option=id), without reading any VM. */
  async ids(nsId: string): Promise<string[]> {
    await this.creator.requireNamespace(nsId);
    return (await this.repo.listMcis(nsId)).map((mcis) => mcis.id);
  }

  async get(nsId: string, mcisId: string): Promise<McisView> {
    const mcis = await this.creator.requireMcis(nsId, mcisId);
    return { mcis, vms: await this.repo.listVms(nsId, mcisId) };
  }

  /** The MCIS with its VMs' status rows only (GET ?option=status). */
  async status(nsId: string, mcisId: string): Promise<McisStatusView> {
    const mcis = await this.creator.requireMcis(nsId, mcisId);
    return { mcis, vms: await readVmStatusRows(this.repo.dataSource.manager, nsId, mcisId) };
  }

  /** Every MCIS of the namespace with its VMs' status rows (GET /mci?option=status). */
  async statusList(nsId: string): Promise<McisStatusView[]> {
    await this.creator.requireNamespace(nsId);
    const [all, vms] = await Promise.all([
      this.repo.listMcis(nsId),
      readVmStatusRows(this.repo.dataSource.manager, nsId),
    ]);
    return all.map((mcis) => ({ mcis, vms: vms.filter((vm) => vm.mcisId === mcis.id) }));
  }

  async vm(nsId: string, mcisId: string, vmId: string): Promise<McisView & { vm: McisVmEntity }> {
    const view = await this.get(nsId, mcisId);
    const vm = view.vms.find((v) => v.id === vmId);
    if (!vm) throw new NotFoundError(`VM ${vmId} does not exist in MCI ${mcisId}`);
    return { ...view, vm };
  }

  /** A customImage `name` of a Running or Suspended VM, made through spider (409 for a VM in another status). */
  async snapshotVm(nsId: string, mcisId: string, vmId: string, name: string, description = '') {
    const { vm } = await this.vm(nsId, mcisId, vmId);
    if (vm.status !== 'Running' && vm.status !== 'Suspended') {
      throw new ConflictError(`VM ${vm.id} is ${vm.status}: only a Running or Suspended VM can be snapshot`);
    }
    return this.resources.snapshot(nsId, vm, name, description);
  }

  /** Waits (reading the database) until the MCIS's creation or deletion has ended. */
  async waitUntilSettled(nsId: string, mcisId: string, timeoutMs = this.options.waitTimeoutMs) {
    return this.lifecycle.waitFor(async () => {
      const mcis = await this.repo.findMcis(nsId, mcisId);
      return !mcis || (mcis.targetAction === 'None' && !mcis.deleteRequested);
    }, timeoutMs);
  }

  async waitUntilGone(nsId: string, mcisId: string, timeoutMs = this.options.waitTimeoutMs) {
    return this.lifecycle.waitFor(async () => !(await this.repo.findMcis(nsId, mcisId)), timeoutMs);
  }

  async start() {
    // Creations an earlier process accepted are tracked again under their X-Request-Id until they end.
    for (const mcis of await this.repo.unsettledMcis()) {
      if (mcis.requestId && mcis.targetAction === 'Create' && !this.requests.get(mcis.requestId)) {
        this.requests.begin(mcis.requestId, 'POST', `/tumblebug/ns/${mcis.nsId}/mci`);
      }
    }
    const bus = createEventBus({ transport: this.deps.events });
    this.subscription = await bus
      .subscribe('tumblebug-mcis-vm-status', ['cb.spider.vm.status_changed'], async (event) => {
        this.agent.hint(event.payload.connectionName);
      })
      .catch((error: unknown) => {
        this.deps.logger.warn({ reason: (error as Error).message }, 'spider VM events unavailable; polling only');
        return undefined;
      });
    this.worker.start();
    this.agent.start();
  }

  async stop() {
    await this.subscription?.stop();
    await this.worker.stop();
    await this.agent.stop();
  }

  private accepted(mcis: McisEntity, options: CreateOptions & { url?: string }) {
    if (options.requestId) this.requests.begin(options.requestId, 'POST', options.url ?? '');
    this.worker.poke();
    return mcis;
  }
}
