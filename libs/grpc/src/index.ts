export { toGrpcDefinition } from './definition';
export { createGrpcServer, type GrpcServer, type GrpcServerOptions } from './server';
export { type CallContext, type MethodHandler, type ServiceImpl } from './handlers';
export {
  createGrpcClient,
  type CallOptions,
  type ClientMethod,
  type GrpcClient,
  type GrpcClientOptions,
} from './client';
export { checkHealth, type ServingStatus } from './health';
export { listServicesByReflection } from './reflection';
export { type SharedTokenAuth } from './auth';
export { fromGrpcError, toGrpcStatus } from './errors';
