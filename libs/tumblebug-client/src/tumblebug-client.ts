import { type CallOptions, createGrpcClient, type GrpcClient, type GrpcClientOptions } from '@cb/grpc';
import { tumblebug } from '@cb/proto';
import type {
  Connection,
  Mcis,
  McisAction,
  McisDynamicReq,
  McisReq,
  McisStatus,
  McisWatchEvent,
  Namespace,
  RecommendedSpec,
  RecommendSpecQuery,
  ResourceType,
} from './types';
import * as wire from './wire';

type Service = typeof tumblebug.TumblebugService;

export interface WatchOptions extends CallOptions {
  /** Empty or absent: every MCIS of the namespace. */
  mcisId?: string;
}

/**
 * tumblebug over gRPC (`cb.tumblebug.v1.TumblebugService`, port 50252). Results are plain objects (./types),
 * never protobuf messages; failures reject with @cb/errors (NotFoundError, InvalidArgumentError naming the
 * field, ConflictError, UnauthenticatedError, ...) carrying tumblebug's message. Unary calls are retried on
 * UNAVAILABLE; leaving a watch loop early cancels the stream at the server.
 */
export class TumblebugClient {
  private readonly grpc: GrpcClient<Service>;

  constructor(address: string, options: GrpcClientOptions = {}) {
    this.grpc = createGrpcClient(tumblebug.TumblebugService, address, {
      ...options,
      // One MCIS of 1,000 VMs is about a megabyte; a namespace list holds several.
      channelOptions: { 'grpc.max_receive_message_length': 64 * 1024 * 1024, ...options.channelOptions },
    });
  }

  close(): void {
    this.grpc.close();
  }

  // ---- namespaces

  async createNamespace(name: string, description = '', options?: CallOptions): Promise<Namespace> {
    return wire.fromNamespaceMessage((await this.grpc.createNamespace({ name, description }, options)).namespace);
  }

  async listNamespaces(options?: CallOptions): Promise<Namespace[]> {
    return (await this.grpc.listNamespaces({}, options)).namespaces.map(wire.fromNamespaceMessage);
  }

  async getNamespace(nsId: string, options?: CallOptions): Promise<Namespace> {
    return wire.fromNamespaceMessage((await this.grpc.getNamespace({ nsId }, options)).namespace);
  }

  /** Absent fields keep their value. */
  async updateNamespace(
    nsId: string,
    changes: { name?: string; description?: string },
    options?: CallOptions,
  ): Promise<Namespace> {
    const { namespace } = await this.grpc.updateNamespace({ nsId, ...changes }, options);
    return wire.fromNamespaceMessage(namespace);
  }

  /** Rejects with ConflictError while the namespace holds resources or MCIS. */
  async deleteNamespace(nsId: string, options?: CallOptions): Promise<void> {
    await this.grpc.deleteNamespace({ nsId }, options);
  }

  // ---- connections, resources, recommendation

  async listConnections(options?: CallOptions): Promise<Connection[]> {
    return (await this.grpc.listConnections({}, options)).connections.map(wire.fromConnectionMessage);
  }

  /** Each resource in upstream's JSON shape (VNetInfo, SpecInfo, ...); `filter` keeps those whose field equals the value. */
  async listResources(
    nsId: string,
    resourceType: ResourceType,
    filter?: { key: string; value: string },
    options?: CallOptions,
  ): Promise<Record<string, unknown>[]> {
    const request = { nsId, resourceType, filterKey: filter?.key ?? '', filterValue: filter?.value ?? '' };
    return (await this.grpc.listResources(request, options)).resources;
  }

  async getResource(
    nsId: string,
    resourceType: ResourceType,
    resourceId: string,
    options?: CallOptions,
  ): Promise<Record<string, unknown>> {
    return (await this.grpc.getResource({ nsId, resourceType, resourceId }, options)).resource ?? {};
  }

  async recommendSpec(query: RecommendSpecQuery, options?: CallOptions): Promise<RecommendedSpec[]> {
    const { specs } = await this.grpc.recommendSpec(
      {
        filter: query.filter ?? [],
        priority: (query.priority ?? []).map((p) => ({ metric: p.metric, parameters: p.parameters ?? [] })),
        limit: query.limit ?? 0,
      },
      options,
    );
    return specs.map((s) => ({
      spec: s.spec ?? {},
      rank: s.rank,
      scoreParts: s.scoreParts.map(({ metric, value, explanation }) => ({ metric, value, explanation })),
    }));
  }

  // ---- MCIS

  /** Accepted at once: the VMs are Creating; follow them with watchMcis or getMcisStatus. */
  async createMcis(nsId: string, req: McisReq, options?: CallOptions): Promise<Mcis> {
    const request = {
      nsId,
      settings: wire.toSettingsMessage(req),
      subGroups: req.subGroups.map(wire.toSubGroupMessage),
    };
    return wire.fromMcisMessage((await this.grpc.createMcis(request, options)).mcis);
  }

  /** Specs of the system namespace; shared vNet/SG/sshKey are created per connection when missing. */
  async createMcisDynamic(nsId: string, req: McisDynamicReq, options?: CallOptions): Promise<Mcis> {
    const request = {
      nsId,
      settings: wire.toSettingsMessage(req),
      subGroups: req.subGroups.map(wire.toDynamicSubGroupMessage),
    };
    return wire.fromMcisMessage((await this.grpc.createMcisDynamic(request, options)).mcis);
  }

  async listMcis(nsId: string, options?: CallOptions): Promise<Mcis[]> {
    return (await this.grpc.listMcis({ nsId }, options)).mcis.map(wire.fromMcisMessage);
  }

  async getMcis(nsId: string, mcisId: string, options?: CallOptions): Promise<Mcis> {
    return wire.fromMcisMessage((await this.grpc.getMcis({ nsId, mcisId }, options)).mcis);
  }

  async getMcisStatus(nsId: string, mcisId: string, options?: CallOptions): Promise<McisStatus> {
    return wire.fromMcisStatusMessage((await this.grpc.getMcisStatus({ nsId, mcisId }, options)).status);
  }

  /** Upstream's answer, e.g. "Suspending the MCI"; `vmId` controls one VM only. */
  async controlMcis(
    nsId: string,
    mcisId: string,
    action: McisAction,
    options: CallOptions & { vmId?: string } = {},
  ): Promise<string> {
    const request = { nsId, mcisId, action: wire.toActionMessage(action), vmId: options.vmId ?? '' };
    return (await this.grpc.controlMcis(request, options)).message;
  }

  /**
   * Without `option` only a Terminated (or never-created) MCIS; `terminate` terminates first, `force` drops
   * the metadata at once. `deleted` is false while the VMs are still being terminated (it goes after).
   */
  async deleteMcis(
    nsId: string,
    mcisId: string,
    options: CallOptions & { option?: 'terminate' | 'force' } = {},
  ): Promise<{ deleted: boolean }> {
    const option =
      options.option === 'terminate'
        ? tumblebug.McisDeleteOption.TERMINATE
        : options.option === 'force'
          ? tumblebug.McisDeleteOption.FORCE
          : tumblebug.McisDeleteOption.UNSPECIFIED;
    const { deleted } = await this.grpc.deleteMcis({ nsId, mcisId, option }, options);
    return { deleted };
  }

  /** A customImage `name` of a Running or Suspended VM (its Info, as getResource answers it). */
  async snapshotVm(
    nsId: string,
    mcisId: string,
    vmId: string,
    image: { name: string; description?: string },
    options?: CallOptions,
  ): Promise<Record<string, unknown>> {
    const request = { nsId, mcisId, vmId, name: image.name, description: image.description ?? '' };
    return (await this.grpc.snapshotVm(request, options)).customImage ?? {};
  }

  /**
   * The status of each watched MCIS, then its events as they are committed. Ends after the watched MCIS is
   * deleted; a namespace watch runs until the loop is left or the deadline (default: none) passes.
   */
  async *watchMcis(nsId: string, options: WatchOptions = {}): AsyncIterable<McisWatchEvent> {
    const { mcisId = '', ...call } = options;
    const stream = this.grpc.watchMcis({ nsId, mcisId }, { deadlineMs: Infinity, ...call });
    for await (const message of stream) {
      const event = wire.fromWatchMessage(message);
      if (event) yield event;
    }
  }
}
