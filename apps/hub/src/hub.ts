import { createDataSource, ensureDatabase, parseDatabaseUrl, runMigrations, withDatabase } from '@cb/db';
import { createGrpcServer } from '@cb/grpc';
import { hub } from '@cb/proto';
import type { RunningService, ServiceDeps } from '@cb/runtime';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hubGrpcService } from './api/grpc/hub-grpc-service';
import { BASE_PATH, createHubApp } from './api/rest/app';
import type { HubConfig } from './config';
import { ArtifactDownloads } from './domain/artifact-downloads';
import { DriverCatalog } from './domain/driver-catalog';
import { eventEntities, eventMigrations, type HubEvents, releaseEventsOutbox, startEventRelay } from './events';
import { FilesystemBlobStore } from './storage/filesystem-blob-store';
import { hubMigrations } from './store/migrations';
import { PgDownloadLog } from './store/pg-download-log';
import { PgReleaseStore } from './store/pg-release-store';

/**
 * hub's wiring: store + blob storage + domain + REST (/hub) + gRPC (cb.hub.v1) + events; no logic.
 * Used by main.ts and by apps/platform. Nothing listens until start().
 */
export async function createHub(config: HubConfig, deps: ServiceDeps<HubEvents>): Promise<RunningService> {
  const { logger } = deps;
  const { database } = parseDatabaseUrl(config.databaseUrl);
  await ensureDatabase(withDatabase(config.databaseUrl, 'postgres'), database).catch((error: unknown) => {
    // Without CREATEDB the database must exist already; initialize() below says so if it does not.
    logger.warn({ database, reason: (error as Error).message }, 'could not ensure the database exists');
  });
  const dataSource = createDataSource({
    url: config.databaseUrl,
    entities: [...eventEntities],
    migrations: [...hubMigrations, ...eventMigrations],
  });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }

  const blobs = new FilesystemBlobStore(config.storageDir);
  const store = new PgReleaseStore(dataSource, releaseEventsOutbox);
  const downloadLog = new PgDownloadLog(dataSource);
  const catalog = new DriverCatalog(store, blobs);
  const downloads = new ArtifactDownloads(store, blobs, downloadLog, logger);

  const app = createHubApp({
    store,
    blobs,
    catalog,
    downloads,
    downloadLog,
    publisher: { username: config.username, password: config.password },
    maxArtifactBytes: config.maxArtifactBytes,
    dataSource,
    logger,
  });
  const server = createServer(app);
  const grpc = createGrpcServer({
    onInternalError: (error, path) => logger.error({ err: error, path }, 'gRPC handler failed'),
  }).addService(hub.HubService, hubGrpcService(catalog, downloads, downloadLog));
  let relay: { stop(): Promise<void> } | undefined;
  let restUrl = `http://${config.host}:${config.port}${BASE_PATH}`;
  let grpcAddress = `${config.host}:${config.grpcPort}`;

  return {
    name: 'hub',
    async start() {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => resolve());
      });
      restUrl = `http://${config.host}:${(server.address() as AddressInfo).port}${BASE_PATH}`;
      grpcAddress = `${config.host}:${await grpc.start(`${config.host}:${config.grpcPort}`)}`;
      relay = await startEventRelay(dataSource, deps.events, logger);
      logger.info({ rest: restUrl, grpc: grpcAddress, storage: config.storageDir }, 'hub listening');
    },
    async stop() {
      server.closeIdleConnections();
      await Promise.all([new Promise<void>((resolve) => server.close(() => resolve())), grpc.stop(5_000)]);
      await relay?.stop();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
    endpoints: () => ({ rest: restUrl, grpc: grpcAddress }),
  };
}
