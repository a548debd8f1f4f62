import { ensureDatabase, parseDatabaseUrl, runMigrations, withDatabase } from '@cb/db';
import type { EventTransport, Subscription } from '@cb/events';
import { createGrpcServer } from '@cb/grpc';
import type { RunningService, ServiceDeps } from '@cb/runtime';
import { SpiderCatalogClient } from '@cb/spider-client';
import { mcMetaGrpcService } from './api/grpc/mcmeta-grpc-service';
import { mcmeta } from '@cb/proto';
import { BASE_PATH, createMcMetaApp } from './api/rest/app';
import type { McMetaConfig } from './config';
import { SearchService } from './domain/search/search-service';
import type { MetadataSource } from './domain/source/metadata-source';
import { SpiderMetadataSource } from './domain/source/spider-metadata-source';
import { StatsService } from './domain/stats/stats-service';
import { SyncService } from './domain/sync/sync-service';
import { syncOnConnectionRegistered } from './events/connection-events';
import { announceSyncFinished, eventMigrations, startEventRelay } from './events/sync-events';
import { PgCatalogWriter } from './store/catalog-writer';
import { buildDeferredIndexes } from './store/deferred-indexes';
import { createMcMetaDataSource } from './store/data-source';
import { PgSyncRunStore } from './store/pg-sync-run-store';
import { PgCatalogSearch } from './store/search/pg-catalog-search';
import { SnapshotStore } from './store/snapshot-store';

export interface McMetaOverrides {
  /** Where catalogs come from; spider over gRPC unless given (benchmarks of the engine alone pass a driver source). */
  source?: MetadataSource;
}

/**
 * mc-meta's wiring: store + domain + REST (/mcmeta) + gRPC (cb.mcmeta.v1) + events; no logic.
 * Used by main.ts and apps/platform. Nothing listens and nothing syncs until start().
 */
export async function createMcMeta(
  config: McMetaConfig,
  deps: ServiceDeps<EventTransport>,
  overrides: McMetaOverrides = {},
): Promise<RunningService & { sync: SyncService; stats: StatsService }> {
  const logger = deps.logger.child({ service: 'mcmeta' });
  const { database } = parseDatabaseUrl(config.databaseUrl);
  await ensureDatabase(withDatabase(config.databaseUrl, 'postgres'), database).catch((error: unknown) => {
    logger.warn({ database, reason: (error as Error).message }, 'could not ensure the database exists');
  });
  const dataSource = createMcMetaDataSource(config.databaseUrl, [...eventMigrations]);
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }

  const spider = overrides.source
    ? undefined
    : new SpiderCatalogClient(
        config.spiderGrpcAddress,
        config.spiderGrpcToken ? { token: config.spiderGrpcToken } : {},
      );
  const source = overrides.source ?? new SpiderMetadataSource(spider!);
  const stats = new StatsService(new SnapshotStore(dataSource));
  const catalogSearch = new PgCatalogSearch(dataSource, {
    countCap: config.countCap,
    concurrency: config.searchConcurrency,
    walkPerMatch: config.keywordWalk,
  });
  const search = new SearchService(catalogSearch);
  const sync = new SyncService(
    source,
    new PgSyncRunStore(dataSource, announceSyncFinished),
    new PgCatalogWriter(dataSource),
    {
      concurrency: config.syncConcurrency,
      onFinished: async (run) => {
        logger.info({ syncId: run.id, status: run.status, counts: run.counts }, 'sync finished');
        catalogSearch.catalogChanged();
        await stats.snapshot();
      },
      onError: (error, context) => logger.error({ err: error, ...context }, 'sync run failed'),
    },
  );
  const http = createMcMetaApp({
    search,
    stats,
    sync,
    dataSource,
    auth: { username: config.username, password: config.password },
    logger,
  });
  const grpc = createGrpcServer({
    onInternalError: (error, path) => logger.error({ err: error, path }, 'gRPC handler failed'),
  }).addService(mcmeta.McMetaService, mcMetaGrpcService(search, stats, sync));

  let relay: { stop(): Promise<void> } | undefined;
  let subscription: Subscription | undefined;
  let schedule: NodeJS.Timeout | undefined;
  let restUrl = `http://${config.host}:${config.port}${BASE_PATH}`;
  let grpcAddress = `${config.host}:${config.grpcPort}`;
  const scheduledSync = () =>
    sync.start({}, 'schedule').catch((error) => logger.error({ err: error }, 'scheduled sync could not start'));

  return {
    name: 'mc-meta',
    sync,
    stats,
    async start() {
      const server = await http.listen(config.port, config.host);
      const address = server.address();
      restUrl = `http://${config.host}:${typeof address === 'object' && address ? address.port : config.port}${BASE_PATH}`;
      grpcAddress = `${config.host}:${await grpc.start(`${config.host}:${config.grpcPort}`)}`;
      relay = startEventRelay(dataSource, deps.events, logger);
      if (config.syncOnConnectionEvent) subscription = await syncOnConnectionRegistered(deps.events, sync, logger);
      const resumed = await sync.resume();
      if (resumed.length) logger.info({ syncIds: resumed }, 'resuming syncs left unfinished');
      // A first load that died before its end left the list-order index for its run to build; no run left, so now.
      else await buildDeferredIndexes(dataSource);
      if (config.syncIntervalMinutes > 0) {
        schedule = setInterval(scheduledSync, config.syncIntervalMinutes * 60_000);
        schedule.unref();
      }
      logger.info({ rest: restUrl, grpc: grpcAddress }, 'mc-meta listening');
    },
    async stop() {
      if (schedule) clearInterval(schedule);
      await subscription?.stop();
      await Promise.all([http.close(), grpc.stop(5_000)]);
      await sync.stop();
      await relay?.stop();
      spider?.close();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
    endpoints: () => ({ rest: restUrl, grpc: grpcAddress }),
  };
}
