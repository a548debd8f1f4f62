import type { ServiceModule } from '@cb/runtime';
import { loadSpiderConfig } from './config';
import type { SpiderEvents } from './events';
import { createSpider } from './spider';

/** spider as a service module: for its own main.ts and for apps/platform. */
export const spiderService: ServiceModule<SpiderEvents> = {
  name: 'spider',
  create: (env, deps) => createSpider(loadSpiderConfig(env), deps),
};

export { createSpider } from './spider';
export { loadSpiderConfig, SPIDER_VERSION, type SpiderConfig } from './config';
export { ConnectionResolver, type ResolvedConnection } from './domain/cim/connection-resolver';
