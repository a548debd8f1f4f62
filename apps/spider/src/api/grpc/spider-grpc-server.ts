import { createGrpcServer, type GrpcServer } from '@cb/grpc';
import { spider } from '@cb/proto';
import type { ServiceLogger } from '@cb/runtime';
import { SecretBox } from '@cb/secrets';
import { CallHistory } from '../../domain/calls';
import { ConnectionInfoService } from '../../domain/cim/connection-info-service';
import { ResourceRuntime } from '../../domain/resources/resource-runtime';
import { VmService } from '../../domain/resources/vm';
import { VmEvents } from '../../domain/resources/vm-events';
import { connectionEventsOutbox } from '../../events';
import { TypeOrmConnectionInfoStore } from '../../store/cim';
import { IidStore } from '../../store/resources';
import { driverCallsOf } from '../rest/app-calls';
import type { SpiderRestDeps } from '../rest/app-deps';
import { spiderDomainOf } from './spider-domain-adapter';
import type { SpiderDomain } from './spider-domain';
import { createSpiderGrpcService } from './spider-grpc-service';

export interface SpiderGrpcServerOptions {
  /** e.g. `0.0.0.0:2048`; `127.0.0.1:0` picks a free port. */
  address: string;
  /** Shared service token: every SpiderService call must send `authorization: Bearer <token>`. */
  token?: string;
  logger?: ServiceLogger;
}

export interface RunningSpiderGrpc {
  server: GrpcServer;
  /** The bound port. */
  port: number;
  /** Drains (health NOT_SERVING), lets calls finish for up to `graceMs`, then writes the queued call history. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts a gRPC server: SpiderService over `domain`, plus health (SERVING) and reflection. */
export async function startSpiderGrpcServer(
  domain: SpiderDomain,
  options: SpiderGrpcServerOptions,
): Promise<RunningSpiderGrpc> {
  const server = createGrpcServer({
    auth: options.token === undefined ? undefined : { token: options.token },
    onInternalError: (error, path) => options.logger?.error({ err: error, path }, 'gRPC handler failed'),
    // A batch of 5,000 VMs can pass the 4 MB default; keep room for the largest batch we allow.
    serverOptions: { 'grpc.max_send_message_length': 64 * 1024 * 1024 },
  }).addService(spider.SpiderService, createSpiderGrpcService(domain));
  const port = await server.start(options.address);
  return { server, port, stop: (graceMs) => server.stop(graceMs) };
}

/**
 * spider's gRPC API built from the same dependencies as its REST routers (spider.ts's `restDeps`): the
 * seam spider.ts calls in start(), and stop() before the database closes.
 */
export async function startSpiderGrpc(
  deps: SpiderRestDeps,
  options: SpiderGrpcServerOptions,
): Promise<RunningSpiderGrpc> {
  // The same gateway as REST when the wiring shares one, so a connection's call limit counts both APIs.
  const { history, recorder, gateway } = driverCallsOf(deps);
  const store = new TypeOrmConnectionInfoStore(
    deps.dataSource,
    new SecretBox(deps.config.secretKey),
    connectionEventsOutbox,
  );
  const domain = spiderDomainOf({
    connections: new ConnectionInfoService(store),
    runtime: new ResourceRuntime(deps.resolver, gateway, new IidStore(deps.dataSource)),
    vms: new VmService(new VmEvents()),
    callHistory: new CallHistory(history, recorder),
  });
  const running = await startSpiderGrpcServer(domain, { logger: deps.logger, ...options });
  return {
    ...running,
    async stop(graceMs) {
      await running.stop(graceMs);
      await recorder.flush();
    },
  };
}
