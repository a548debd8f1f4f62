import { createHttpApp, type HttpApp, type HttpLogger } from '@cb/http';
import type { DataSource } from 'typeorm';
import { MCMETA_VERSION } from '../../config';
import type { SearchService } from '../../domain/search/search-service';
import type { StatsService } from '../../domain/stats/stats-service';
import type { SyncService } from '../../domain/sync/sync-service';
import { mcMetaOpenApi } from './openapi';
import { searchRoutes } from './search.routes';
import { syncRoutes } from './sync.routes';

export const BASE_PATH = '/mcmeta';

export interface McMetaAppDeps {
  search: SearchService;
  stats: StatsService;
  sync: SyncService;
  dataSource: DataSource;
  auth: { username: string; password: string };
  logger: HttpLogger;
}

/** REST under /mcmeta: search, stats and sync behind Basic auth; health, version and docs open. */
export function createMcMetaApp(deps: McMetaAppDeps): HttpApp {
  const http = createHttpApp({
    serviceName: 'mcmeta',
    displayName: 'CB-MC-Meta',
    basePath: BASE_PATH,
    auth: deps.auth,
    bodyLimit: '16kb',
    openapi: mcMetaOpenApi(),
    readiness: async () => {
      await deps.dataSource.query('SELECT 1');
    },
    logger: deps.logger,
  });
  http.router.get('/version', (_req, res) => {
    res.json({ version: MCMETA_VERSION });
  });
  http.router.use(searchRoutes(deps.search, deps.stats));
  http.router.use(syncRoutes(deps.sync));
  return http;
}
