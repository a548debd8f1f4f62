export { SpiderCatalogClient, type PriceQuery, type SpiderClientOptions, type StreamOptions } from './catalog-client';
export { SpiderClient } from './spider-client';
export * from './types';
/** cb.spider.v1 <-> upstream-shaped mappers; spider's gRPC API uses them too, so both ends agree. */
export * as spiderWire from './wire';
