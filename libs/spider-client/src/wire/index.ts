/** The cb.spider.v1 wire mappers, shared by spider's gRPC API (server side) and this client. */
export * from './call-history';
export * from './catalog';
export * from './cluster';
export * from './compute';
export * from './management';
export * from './my-image';
export * from './network';
export * from './nlb';
export * from './requests';
export * from './workload-requests';
export { fromIid, toIid, fromKeyValues, toKeyValues } from './common';
