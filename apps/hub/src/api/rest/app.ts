import { UnavailableError } from '@cb/errors';
import { createHttpApp } from '@cb/http';
import type { ServiceLogger } from '@cb/runtime';
import type { Express } from 'express';
import type { DataSource } from 'typeorm';
import { HUB_VERSION } from '../../config';
import { createDriverRouter, type DriverRoutesDeps } from './driver-routes';
import { hubOpenApi } from './openapi';

export const BASE_PATH = '/hub';

/**
 * hub's express app: @cb/http's (request id, access log, CORS, JSON errors `{message, code}`, readyz,
 * API docs) with reads open and writes for the publisher only. The app-wide Basic auth of @cb/http is
 * off because it cannot tell a GET from a POST on the same path; driver-routes guards the writes.
 */
export function createHubApp(deps: DriverRoutesDeps & { dataSource: DataSource; logger: ServiceLogger }): Express {
  const readiness = async () => {
    await deps.dataSource.query('SELECT 1');
  };
  const http = createHttpApp({
    serviceName: 'hub',
    displayName: 'CB-Hub',
    basePath: BASE_PATH,
    auth: false,
    openapi: hubOpenApi,
    readiness,
    logger: deps.logger,
  });
  // Download logs name the caller's address; behind the local gateway that is the forwarded one.
  http.app.set('trust proxy', 'loopback');
  // `/health` is readyz under the name hub always answered to.
  http.router.get('/health', async (_req, res) => {
    await readiness().catch(() => {
      throw new UnavailableError('CB-Hub is not ready: its database does not answer');
    });
    res.json({ message: 'CB-Hub is ready' });
  });
  http.router.get('/version', (_req, res) => {
    res.json({ version: HUB_VERSION });
  });
  http.router.use(createDriverRouter(deps));
  return http.app;
}
