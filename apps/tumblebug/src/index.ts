import type { EventTransport } from '@cb/events';
import type { ServiceModule } from '@cb/runtime';
import { loadTumblebugConfig } from './config';
import { createTumblebug } from './tumblebug';

/** tumblebug as a service module: for its own main.ts and for apps/platform. */
export const tumblebugService: ServiceModule<EventTransport> = {
  name: 'tumblebug',
  create: (env, deps) => createTumblebug(loadTumblebugConfig(env), deps),
};

export { createTumblebug } from './tumblebug';
export { loadTumblebugConfig, TUMBLEBUG_VERSION, type TumblebugConfig } from './config';
export type { TumblebugDeps } from './deps';
export { SYSTEM_NAMESPACE } from './domain/namespace/namespace';
