import type { DescService } from '@bufbuild/protobuf';
import type { GenService, GenServiceMethods } from '@bufbuild/protobuf/codegenv2';
import * as grpc from '@grpc/grpc-js';
import { assertUsableToken, requireBearerToken, type SharedTokenAuth } from './auth';
import { toGrpcDefinition } from './definition';
import { type ServiceImpl, toGrpcHandlers } from './handlers';
import { ServerHealth } from './health';
import { addReflection } from './reflection';

export interface GrpcServerOptions {
  /** When set, every call of the added services must carry `authorization: Bearer <token>`. */
  auth?: SharedTokenAuth;
  /** Told about errors the caller only sees as INTERNAL (the place to log them). */
  onInternalError?: (error: unknown, path: string) => void;
  /** grpc-js server options (message sizes, keepalive, ...). */
  serverOptions?: grpc.ServerOptions;
  credentials?: grpc.ServerCredentials;
}

export interface GrpcServer {
  /** Serves a generated service; call before start(). */
  addService<S extends GenService<GenServiceMethods>>(service: S, impl: ServiceImpl<S>): GrpcServer;
  /** Listens on `address` (`127.0.0.1:0` picks a free port) and resolves to the bound port. */
  start(address: string): Promise<number>;
  /** Health answers NOT_SERVING (false) while draining, SERVING (true) again after. */
  setServing(serving: boolean): void;
  /** Reports NOT_SERVING, lets running calls finish for up to `graceMs`, then cuts the rest. */
  stop(graceMs?: number): Promise<void>;
}

/** A gRPC server with grpc.health.v1 and server reflection, serving protobuf-es services. */
export function createGrpcServer(options: GrpcServerOptions = {}): GrpcServer {
  const { auth, onInternalError } = options;
  if (auth) assertUsableToken(auth.token, 'auth.token');
  const server = new grpc.Server(options.serverOptions);
  const health = new ServerHealth();
  health.addToServer(server); // health and reflection stay open: probes carry no token
  const services: DescService[] = [];
  let state: 'new' | 'started' | 'stopped' = 'new';
  const guard = auth ? (metadata: grpc.Metadata) => requireBearerToken(metadata, auth.token) : () => undefined;

  const grpcServer: GrpcServer = {
    addService(service, impl) {
      // Reflection is built once at start from the services known then.
      if (state !== 'new') throw new Error(`add ${service.typeName} before start()`);
      const handlers = toGrpcHandlers(service, impl as Record<string, unknown>, { guard, onInternalError });
      server.addService(toGrpcDefinition(service), handlers);
      services.push(service);
      health.add(service);
      return grpcServer;
    },

    async start(address) {
      if (state !== 'new') throw new Error('a gRPC server starts once');
      state = 'started';
      addReflection(server, services);
      return bind(server, address, options.credentials ?? grpc.ServerCredentials.createInsecure());
    },

    setServing(serving) {
      health.setServing(serving);
    },

    async stop(graceMs = 5_000) {
      if (state === 'stopped') return;
      state = 'stopped';
      health.setServing(false);
      await shutdown(server, graceMs);
    },
  };
  return grpcServer;
}

function bind(server: grpc.Server, address: string, credentials: grpc.ServerCredentials): Promise<number> {
  return new Promise((resolve, reject) => {
    server.bindAsync(address, credentials, (error, port) => (error ? reject(error) : resolve(port)));
  });
}

function shutdown(server: grpc.Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      server.forceShutdown();
      resolve();
    }, graceMs);
    server.tryShutdown(() => {
      clearTimeout(force);
      resolve();
    });
  });
}
