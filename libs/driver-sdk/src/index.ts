export * from './resources';
export * from './handlers';
export * from './capabilities';
export * from './driver';
export * from './driver-error';
export * from './contract-version';
export { validateDriver } from './manifest';
export { DriverRegistry, type LoadOptions } from './registry';
export * from './conformance';
