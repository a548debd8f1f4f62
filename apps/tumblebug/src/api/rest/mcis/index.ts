import { Router } from 'express';
import type { TumblebugDeps } from '../../../deps';
import { mcisServiceOf } from '../../../domain/mcis';
import { eventStreamRoutes } from './events-stream.routes';
import { mcisRoutes } from './mcis.routes';
import { requestRoutes } from './requests.routes';

/** Everything MCIS answers under /tumblebug: MCIS/VM routes, request tracking and the event stream. */
export function createMcisRouter(deps: TumblebugDeps): Router {
  const service = mcisServiceOf(deps);
  const router = Router();
  router.use(mcisRoutes(service));
  router.use(requestRoutes(service.requests));
  router.use(eventStreamRoutes(deps.dataSource));
  return router;
}
