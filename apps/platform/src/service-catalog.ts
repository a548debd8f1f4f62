import type { RunningService, ServiceLogger } from '@cb/runtime';
import type { PlatformConfig } from './config';
import { publishBuiltinDrivers } from './publish-builtin-drivers';

/**
 * Every service the platform knows how to run, in start order (hub first: spider fetches drivers from it);
 * the ones whose package is not built yet are skipped.
 */
export interface CatalogEntry {
  name: string;
  /** The workspace package exporting `<export>: ServiceModule`. */
  packageName: string;
  exportName: string;
  /** The Kong service name in deploy/kong/kong.yml. */
  kongService: string;
  database?: string;
  restPort(config: PlatformConfig): number;
  /** The variables this service reads, derived from the platform's settings. */
  env(config: PlatformConfig, databaseUrl?: string): Record<string, string>;
  /** What the platform does once this service listens (e.g. hub: publish the built-in drivers). */
  afterStart?(service: RunningService, config: PlatformConfig, logger: ServiceLogger): Promise<void>;
}

const credentials = (prefix: string, c: PlatformConfig) => ({
  [`${prefix}_USERNAME`]: c.CB_API_USERNAME,
  [`${prefix}_PASSWORD`]: c.CB_API_PASSWORD,
});

export const SERVICE_CATALOG: CatalogEntry[] = [
  {
    name: 'hub',
    packageName: '@cb/hub',
    exportName: 'hubService',
    kongService: 'hub',
    database: 'hub',
    restPort: (c) => c.HUB_PORT,
    env: (c, databaseUrl) => ({
      ...credentials('HUB', c),
      HUB_PORT: String(c.HUB_PORT),
      HUB_GRPC_PORT: String(c.HUB_GRPC_PORT),
      HUB_STORAGE_DIR: `${c.CB_DATA_DIR}/hub`,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    }),
    afterStart: (service, c, logger) =>
      publishBuiltinDrivers({
        hub: { baseUrl: service.endpoints().rest!, username: c.CB_API_USERNAME, password: c.CB_API_PASSWORD },
        cacheDir: `${c.CB_DATA_DIR}/drivers`,
        logger,
      }),
  },
  {
    name: 'spider',
    packageName: '@cb/spider',
    exportName: 'spiderService',
    kongService: 'spider',
    database: 'spider',
    restPort: (c) => c.SPIDER_PORT,
    env: (c, databaseUrl) => ({
      ...credentials('SPIDER', c),
      SPIDER_PORT: String(c.SPIDER_PORT),
      SPIDER_GRPC_PORT: String(c.SPIDER_GRPC_PORT),
      HUB_GRPC_ADDRESS: `127.0.0.1:${c.HUB_GRPC_PORT}`,
      SPIDER_DRIVER_CACHE_DIR: `${c.CB_DATA_DIR}/spider/drivers`,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    }),
  },
  {
    name: 'tumblebug',
    packageName: '@cb/tumblebug',
    exportName: 'tumblebugService',
    kongService: 'tumblebug',
    database: 'tumblebug',
    restPort: (c) => c.TB_PORT,
    env: (c, databaseUrl) => ({
      TB_API_USERNAME: c.CB_API_USERNAME,
      TB_API_PASSWORD: c.CB_API_PASSWORD,
      TB_PORT: String(c.TB_PORT),
      TB_GRPC_PORT: String(c.TB_GRPC_PORT),
      SPIDER_GRPC_ADDRESS: `127.0.0.1:${c.SPIDER_GRPC_PORT}`,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    }),
  },
  {
    name: 'mc-meta',
    packageName: '@cb/mc-meta',
    exportName: 'mcMetaService',
    kongService: 'mcmeta',
    database: 'mcmeta',
    restPort: (c) => c.MCMETA_PORT,
    env: (c, databaseUrl) => ({
      ...credentials('MCMETA', c),
      MCMETA_PORT: String(c.MCMETA_PORT),
      MCMETA_GRPC_PORT: String(c.MCMETA_GRPC_PORT),
      SPIDER_GRPC_ADDRESS: `127.0.0.1:${c.SPIDER_GRPC_PORT}`,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    }),
  },
  {
    name: 'waterstrider',
    packageName: '@cb/waterstrider',
    exportName: 'waterstriderService',
    kongService: 'waterstrider',
    restPort: (c) => c.WATERSTRIDER_PORT,
    env: (c) => ({ WATERSTRIDER_PORT: String(c.WATERSTRIDER_PORT) }),
  },
];
