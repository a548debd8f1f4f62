import type { ServiceImpl } from '@cb/grpc';
import type { spider } from '@cb/proto';
import { callHistoryHandlers } from './call-history-handlers';
import { catalogHandlers } from './catalog-handlers';
import { computeHandlers } from './compute-handlers';
import { managementHandlers } from './management-handlers';
import { networkHandlers } from './network-handlers';
import type { SpiderDomain } from './spider-domain';
import { workloadHandlers } from './workload-handlers';

/**
 * The implementation of cb.spider.v1.SpiderService for `addService(spider.SpiderService, impl)`: each
 * handler maps the message to the domain's words, calls the domain, and maps the answer back. Domain
 * errors (NotFoundError, AlreadyExistsError, InvalidArgumentError, ...) become gRPC statuses in libs/grpc.
 */
export function createSpiderGrpcService(deps: SpiderDomain): ServiceImpl<typeof spider.SpiderService> {
  return {
    ...catalogHandlers(deps),
    ...networkHandlers(deps),
    ...computeHandlers(deps),
    ...workloadHandlers(deps),
    ...managementHandlers(deps),
    ...callHistoryHandlers(deps),
  };
}
