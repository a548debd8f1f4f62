import { createGrpcServer } from '@cb/grpc';
import { tumblebug } from '@cb/proto';
import type { TumblebugDeps } from '../../deps';
import { mcisServiceOf } from '../../domain/mcis';
import { coreHandlers } from './core-handlers';
import { mcisHandlers } from './mcis-handlers';
import type { WatchOptions } from './watch-mcis';

export interface TumblebugGrpcOptions {
  /** e.g. `0.0.0.0:50252`; `127.0.0.1:0` picks a free port. */
  address: string;
  /** Shared service token (CB_SERVICE_TOKEN): every TumblebugService call must send `authorization: Bearer <token>`. */
  token?: string;
  watch?: Partial<WatchOptions>;
}

export interface RunningTumblebugGrpc {
  /** The bound port. */
  port: number;
  /** Drains (health NOT_SERVING), lets calls finish for up to `graceMs`, then cuts the rest (watch streams). */
  stop(graceMs?: number): Promise<void>;
}

/**
 * cb.tumblebug.v1.TumblebugService over the same domain services as REST (from TumblebugDeps), with
 * health and reflection open (probes carry no token).
 */
export async function startTumblebugGrpc(
  deps: TumblebugDeps,
  options: TumblebugGrpcOptions,
): Promise<RunningTumblebugGrpc> {
  const watch: WatchOptions = { pollMs: 500, lateCommitMs: 5_000, ...options.watch };
  const server = createGrpcServer({
    auth: options.token ? { token: options.token } : undefined,
    onInternalError: (error, path) => deps.logger.error({ err: error, path }, 'gRPC handler failed'),
    // A 1,000-VM MCIS is about 1 MB of messages; room for several in one ListMcis.
    serverOptions: { 'grpc.max_send_message_length': 64 * 1024 * 1024 },
  }).addService(tumblebug.TumblebugService, {
    ...coreHandlers(deps),
    ...mcisHandlers(mcisServiceOf(deps), deps.dataSource, watch),
  });
  const port = await server.start(options.address);
  return { port, stop: (graceMs) => server.stop(graceMs) };
}
