/** The cb.spider.v1 wire mappers, shared by spider's gRPC API (server side) and this client. */
export * from './catalog';
export * from './compute';
export * from './network';
export * from './requests';
export { fromIid, toIid, fromKeyValues, toKeyValues } from './common';
