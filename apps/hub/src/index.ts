import type { ServiceModule } from '@cb/runtime';
import { loadHubConfig } from './config';
import type { HubEvents } from './events';
import { createHub } from './hub';

/** hub as a service module: for its own main.ts and for apps/platform. */
export const hubService: ServiceModule<HubEvents> = {
  name: 'hub',
  create: (env, deps) => createHub(loadHubConfig(env), deps),
};

export { createHub } from './hub';
export { loadHubConfig, HUB_VERSION, type HubConfig } from './config';
export { DRIVER_DELETED, DRIVER_PUBLISHED } from './events';
