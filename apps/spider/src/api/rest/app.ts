import { createHttpApp, type HttpApp, type HttpLogger, type OpenApiBuilder } from '@cb/http';
import express, { type Express, type Router } from 'express';
import type { DataSource } from 'typeorm';
import { prettyJson, redirectTrailingSlash } from './app-middleware';
import { databaseAnswers, OPEN_PATHS } from './health-routes';

export const BASE_PATH = '/spider';

export interface SpiderAppOptions {
  username: string;
  password: string;
  /** Largest JSON body (e.g. `1mb`); beyond it 413. */
  bodyLimit: string;
  logger: HttpLogger;
  dataSource: DataSource;
  /** The document served at /spider/api-docs and /spider/openapi.json; routers describe themselves in it. */
  openapi: OpenApiBuilder;
  /** Mounted under /spider in this order, behind Basic auth except for OPEN_PATHS. */
  routers: Router[];
}

export interface SpiderApp {
  /** The app to serve: upstream's pre-routing rules, then the shared HTTP app. */
  app: Express;
  http: HttpApp;
}

/**
 * spider's express app: @cb/http's app (request id, access log, CORS, Basic auth, JSON body on every
 * method, errors as `{message, code, details?}`, /readyz, /api-docs) under /spider, wrapped by
 * upstream's rules that run before routing and auth: the trailing-slash 301 and `?pretty`.
 */
export function createSpiderApp(options: SpiderAppOptions): SpiderApp {
  const http = createHttpApp({
    serviceName: 'spider',
    displayName: 'CB-Spider',
    basePath: BASE_PATH,
    auth: { username: options.username, password: options.password },
    publicPaths: OPEN_PATHS,
    bodyLimit: options.bodyLimit,
    readiness: () => databaseAnswers(options.dataSource),
    openapi: options.openapi,
    logger: options.logger,
  });
  for (const router of options.routers) http.router.use(router);

  const app = express();
  app.disable('x-powered-by');
  app.use(redirectTrailingSlash(BASE_PATH));
  app.use(prettyJson);
  app.use(http.app);
  return { app, http };
}
