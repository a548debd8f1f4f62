export { createSpiderGrpcService } from './spider-grpc-service';
export {
  startSpiderGrpc,
  startSpiderGrpcServer,
  type RunningSpiderGrpc,
  type SpiderGrpcServerOptions,
} from './spider-grpc-server';
export { spiderDomainOf, type SpiderDomainServices } from './spider-domain-adapter';
export type { SpiderDomain } from './spider-domain';
