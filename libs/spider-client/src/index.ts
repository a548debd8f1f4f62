export { SpiderCatalogClient, type PriceQuery, type SpiderClientOptions, type StreamOptions } from './catalog-client';
export { SpiderResourceClient, type DeleteCallOptions } from './resource-client';
export { SpiderClient } from './spider-client';
export { SpiderWorkloadClient } from './workload-client';
export * from './types';
export * from './workload-types';
export * from './management-types';
/** cb.spider.v1 <-> upstream-shaped mappers; spider's gRPC API uses them too, so both ends agree. */
export * as spiderWire from './wire';
