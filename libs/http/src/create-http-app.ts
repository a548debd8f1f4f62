import type { Server } from 'node:http';
import express, { type Express, Router } from 'express';
import { accessLog } from './access-log';
import { apiDocsRouter } from './api-docs';
import { basicAuth, type BasicAuthCredentials } from './basic-auth';
import { cors, type CorsOptions } from './cors';
import { errorHandler, notFound } from './error-handler';
import { healthRouter, type ReadinessCheck } from './health';
import type { HttpLogger } from './http-logger';
import { jsonBody } from './json-body';
import { OpenApiBuilder, type OpenApiDocument } from './openapi';
import { requestId } from './request-id';

export interface HttpAppOptions {
  /** Short name, e.g. `spider`; used in logs and as the auth realm. */
  serviceName: string;
  /** Name in health answers, e.g. `CB-Spider` → `{"message":"CB-Spider is ready"}`. Default: serviceName. */
  displayName?: string;
  /** Where the service's routes live, e.g. `/spider`. */
  basePath: string;
  /** HTTP Basic credentials, or `false` for an open API. */
  auth: BasicAuthCredentials | false;
  /** More open paths, relative to basePath: exact (`/healthcheck`) or a prefix (`/public/*`). */
  publicPaths?: string[];
  /** Largest accepted JSON body (bytes or `1mb` style). Default `1mb`. */
  bodyLimit?: string;
  cors?: CorsOptions | false;
  /** The OpenAPI document: a builder (health paths are added to it), a finished document, or a function making one. */
  openapi?: OpenApiBuilder | OpenApiDocument | (() => OpenApiDocument);
  readiness?: ReadinessCheck;
  logger: HttpLogger;
}

export interface HttpApp {
  app: Express;
  /** Mounted at basePath, behind auth and the body parser: register the service's routes here. */
  router: Router;
  listen(port: number, host?: string): Promise<Server>;
  close(): Promise<void>;
}

/** Open without credentials (relative to basePath), as upstream and DESIGN §8 ask: health, version, API docs. */
const ALWAYS_PUBLIC = [
  '/readyz',
  '/livez',
  '/healthz',
  '/health',
  '/version',
  '/openapi.json',
  '/api-docs',
  '/api-docs/*',
];
const PROBES = new Set(['/readyz', '/livez', '/healthz', '/health']);

function withoutTrailingSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** Whether an app-level path is one of the open ones (patterns are relative to basePath). */
function publicPathMatcher(basePath: string, patterns: string[]): (path: string) => boolean {
  const exact = new Set(patterns.filter((p) => !p.endsWith('/*')).map((p) => withoutTrailingSlash(basePath + p)));
  const prefixes = patterns.filter((p) => p.endsWith('/*')).map((p) => basePath + p.slice(0, -1));
  return (path) => exact.has(withoutTrailingSlash(path)) || prefixes.some((prefix) => path.startsWith(prefix));
}

function documentSource(options: HttpAppOptions): () => OpenApiDocument {
  const { openapi, basePath } = options;
  const basicAuth = options.auth !== false;
  if (openapi instanceof OpenApiBuilder) {
    openapi
      .add({
        method: 'get',
        path: '/livez',
        summary: 'Liveness',
        tags: ['health'],
        public: true,
        responses: { 200: { description: 'alive' } },
      })
      .add({
        method: 'get',
        path: '/readyz',
        summary: 'Readiness',
        tags: ['health'],
        public: true,
        responses: { 200: { description: 'ready' }, 503: { description: 'not ready' } },
      });
    return () => openapi.build({ serverUrl: basePath, basicAuth });
  }
  if (typeof openapi === 'function') return openapi;
  if (openapi) return () => openapi;
  return () =>
    new OpenApiBuilder({ title: options.serviceName, version: '0.0.0' }).build({ serverUrl: basePath, basicAuth });
}

/**
 * The express app every REST service starts from. Order matters: request id (so every line and answer
 * carries it), access log, CORS (preflights answer before auth), Basic auth, JSON body, then the routes
 * under basePath (health and docs first), 404 and the one error handler.
 */
export function createHttpApp(options: HttpAppOptions): HttpApp {
  const basePath = withoutTrailingSlash(options.basePath.startsWith('/') ? options.basePath : `/${options.basePath}`);
  const displayName = options.displayName ?? options.serviceName;
  const isPublic = publicPathMatcher(basePath, [...ALWAYS_PUBLIC, ...(options.publicPaths ?? [])]);
  const isProbe = (path: string) => PROBES.has(withoutTrailingSlash(path).slice(basePath.length));

  const app = express();
  app.disable('x-powered-by');
  app.use(requestId);
  app.use(accessLog(options.logger, isProbe));
  if (options.cors !== false) app.use(cors(options.cors));
  if (options.auth) app.use(basicAuth(options.auth, displayName, isPublic));
  app.use(jsonBody(options.bodyLimit ?? '1mb'));

  const router = Router();
  router.use(healthRouter(displayName, options.readiness ?? (async () => undefined), options.logger));
  router.use(apiDocsRouter(documentSource(options), displayName));
  app.use(basePath, router);
  app.use(notFound);
  app.use(errorHandler(options.logger));

  let server: Server | undefined;
  return {
    app,
    router,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        const listening = app.listen(port, host ?? '0.0.0.0', (error?: Error) => {
          if (error) return reject(error);
          server = listening;
          resolve(listening);
        });
      }),
    close: async () => {
      const closing = server;
      server = undefined;
      if (!closing) return;
      await new Promise<void>((resolve, reject) => {
        closing.close((error) => (error ? reject(error) : resolve()));
        closing.closeIdleConnections();
      });
    },
  };
}
