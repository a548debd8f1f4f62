export { TumblebugClient, type WatchOptions } from './tumblebug-client';
export * from './types';
/** cb.tumblebug.v1 <-> plain-shape mappers. */
export * as tumblebugWire from './wire';
