import type { EventTransport } from '@cb/events';
import type { ServiceModule } from '@cb/runtime';
import { loadMcMetaConfig } from './config';
import { createMcMeta } from './mc-meta';

/** mc-meta as a service module: for its own main.ts and for apps/platform. */
export const mcMetaService: ServiceModule<EventTransport> = {
  name: 'mc-meta',
  create: (env, deps) => createMcMeta(loadMcMetaConfig(env), deps),
};

export { createMcMeta, type McMetaOverrides } from './mc-meta';
export { loadMcMetaConfig, MCMETA_VERSION, type McMetaConfig } from './config';
export type { MetadataSource, SourceConnection, CatalogKind } from './domain/source/metadata-source';
export { DriverMetadataSource, type DriverConnection } from './domain/source/driver-metadata-source';
export { SpiderMetadataSource } from './domain/source/spider-metadata-source';
