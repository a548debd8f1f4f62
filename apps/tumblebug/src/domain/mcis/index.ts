import type { TumblebugDeps } from '../../deps';
import { McisService } from './mcis-service';

export { McisService, type McisStatusView, type McisView } from './mcis-service';
export { mcisStatusNow } from './status';
export { mcisOptionsFrom, type McisOptions } from './mcis-options';

const services = new WeakMap<TumblebugDeps, McisService>();

/** The one McisService of a tumblebug instance (the router and the workers share it). */
export function mcisServiceOf(deps: TumblebugDeps): McisService {
  let service = services.get(deps);
  if (!service) services.set(deps, (service = new McisService(deps)));
  return service;
}

/** The creation state machine (VM work worker) and the status agent; resumes whatever the database owes. */
export async function startMcisWorkers(deps: TumblebugDeps): Promise<{ stop(): Promise<void> }> {
  const service = mcisServiceOf(deps);
  await service.start();
  return { stop: () => service.stop() };
}
