export { loadPlatformConfig, type PlatformConfig } from './config';
export { createPlatform, type Platform } from './platform';
