import { createHttpApp, type HttpApp } from '@cb/http';
import type { Router } from 'express';
import { TUMBLEBUG_VERSION } from '../../config';
import type { TumblebugDeps } from '../../deps';
import { connectionRoutes } from './connection.routes';
import { namespaceGuard, namespaceRoutes } from './namespace.routes';
import { recommendRoutes } from './recommend.routes';
import { resourcePartRoutes } from './resource-parts.routes';
import { resourceRoutes } from './resources.routes';
import { catalogRoutes } from './resources-catalog.routes';

export const BASE_PATH = '/tumblebug';

/**
 * REST under /tumblebug: health and version open (as upstream: readyz, livez, health, httpVersion), the
 * rest behind Basic auth when TB_AUTH_ENABLED. Every /ns/{nsId}/... path answers 404 "Not valid
 * namespace" for an unknown namespace before any route runs, MCIS routes (`extraRouters`) included.
 */
export function createTumblebugApp(deps: TumblebugDeps, extraRouters: Router[]): HttpApp {
  const http = createHttpApp({
    serviceName: 'tumblebug',
    displayName: 'CB-Tumblebug',
    basePath: BASE_PATH,
    auth: deps.config.auth,
    publicPaths: ['/httpVersion'],
    bodyLimit: deps.config.bodyLimit,
    openapi: deps.openapi,
    readiness: async () => {
      await deps.dataSource.query('SELECT 1');
    },
    logger: deps.logger,
  });
  const { router, openapi } = { router: http.router, openapi: deps.openapi };
  router.get('/httpVersion', (req, res) => {
    res.json({ message: `HTTP/${req.httpVersion}` });
  });
  router.get('/health', (_req, res) => {
    res.json({ message: 'CB-Tumblebug is running', version: TUMBLEBUG_VERSION });
  });
  openapi
    .add({
      method: 'get',
      path: '/httpVersion',
      public: true,
      tags: ['health'],
      responses: { 200: { description: 'HTTP version' } },
    })
    .add({
      method: 'get',
      path: '/health',
      public: true,
      tags: ['health'],
      responses: { 200: { description: 'running' } },
    });
  router.use(namespaceGuard(deps.namespaces));
  router.use(namespaceRoutes(deps));
  router.use(connectionRoutes(deps));
  router.use(catalogRoutes(deps));
  router.use(resourcePartRoutes(deps));
  router.use(resourceRoutes(deps));
  router.use(recommendRoutes(deps));
  for (const extra of extraRouters) router.use(extra);
  return http;
}
