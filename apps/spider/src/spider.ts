import { createDataSource, ensureDatabase, parseDatabaseUrl, runMigrations, withDatabase } from '@cb/db';
import type { Subscription } from '@cb/events';
import { createHubClient } from '@cb/hub-client';
import { OpenApiBuilder } from '@cb/http';
import type { RunningService, ServiceDeps } from '@cb/runtime';
import { SecretBox } from '@cb/secrets';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSpiderGrpc, type RunningSpiderGrpc } from './api/grpc/spider-grpc-server';
import type { SpiderRestDeps } from './api/rest/app-deps';
import { BASE_PATH, createSpiderApp } from './api/rest/app';
import { describeCimApi } from './api/rest/cim-openapi';
import { createCimRouter } from './api/rest/cim-routes';
import { createHealthRouter } from './api/rest/health-routes';
import { createDriverCalls } from './api/rest/app-calls';
import { createResourceRouter } from './api/rest/resources';
import { DEFAULT_DRIVER_CACHE_DIR, SPIDER_VERSION, type SpiderConfig } from './config';
import { ConnectionInfoService } from './domain/cim/connection-info-service';
import { ConnectionCache } from './domain/cim/connection-cache';
import { ConnectionResolver } from './domain/cim/connection-resolver';
import { invalidatingStore } from './domain/cim/invalidating-store';
import { HubDriverLoader } from './domain/drivers/hub-driver-loader';
import { localDrivers } from './domain/drivers/local-drivers';
import { connectionEventsOutbox, eventEntities, eventMigrations, startEventRelay, type SpiderEvents } from './events';
import { followConnectionChanges } from './events/connection-cache-events';
import { cimEntities, TypeOrmConnectionInfoStore } from './store/cim';
import { cimMigrations } from './store/migrations';
import { resourceEntities, resourceMigrations } from './store/resources';

/**
 * spider's wiring: store + domain + REST (+ gRPC) + events, no logic. Used by main.ts (one process per
 * service) and by apps/platform (every service in one process). Nothing listens until start().
 *
 * REST, all under /spider, in this order:
 *   health/version (open)                           -> api/rest/health-routes.ts
 *   cloud resources: vpc, vm, driver/capability ... -> createResourceRouter(restDeps) (api/rest/resources)
 *   CIM: cloudos, driver, credential, region, connectionconfig -> api/rest/cim-routes.ts
 * The resources router comes before CIM so that its `/driver/capability` wins over `/driver/:DriverName`.
 * gRPC (cb.spider.v1 on config.grpcPort, with health and reflection): api/grpc/spider-grpc-server.ts,
 * built from the same `restDeps` (resolver, drivers, dataSource).
 */
export async function createSpider(config: SpiderConfig, deps: ServiceDeps<SpiderEvents>): Promise<RunningService> {
  const { logger } = deps;
  const drivers = await localDrivers(config.driverDir, logger);
  const { database } = parseDatabaseUrl(config.databaseUrl);
  await ensureDatabase(withDatabase(config.databaseUrl, 'postgres'), database).catch((error: unknown) => {
    // Without CREATEDB the database must exist already; initialize() below says so if it does not.
    logger.warn({ database, reason: (error as Error).message }, 'could not ensure the database exists');
  });
  const dataSource = createDataSource({
    url: config.databaseUrl,
    entities: [...cimEntities, ...eventEntities, ...resourceEntities],
    migrations: [...cimMigrations, ...eventMigrations, ...resourceMigrations],
    poolSize: config.dbPoolSize,
  });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }

  const store = new TypeOrmConnectionInfoStore(dataSource, new SecretBox(config.secretKey), connectionEventsOutbox);
  // Drivers spider does not ship come from hub (fetched, verified, cached, loaded) when one is configured.
  const hubDrivers = config.hubGrpcAddress
    ? new HubDriverLoader({
        // The same shared service token spider requires of its own callers proves spider to hub.
        hub: createHubClient(config.hubGrpcAddress, { clientName: 'spider', token: config.serviceToken }),
        hubAddress: config.hubGrpcAddress,
        registry: drivers,
        cacheDir: config.driverCacheDir ?? DEFAULT_DRIVER_CACHE_DIR,
        logger,
      })
    : undefined;
  const resolver = new ConnectionResolver(store, drivers, hubDrivers);
  // Driver calls reuse a resolved connection (and its live driver connection) until a CIM change drops it.
  const connections = new ConnectionCache(resolver, drivers, { ttlMs: config.connectionCacheTtlMs ?? 10_000 });
  const cimStore = invalidatingStore(store, (change) => connections.invalidate(change));
  const openapi = new OpenApiBuilder({ title: 'CB-Spider', version: SPIDER_VERSION });
  describeCimApi(openapi);
  // One driver call gateway for REST and gRPC: a connection's call limit counts the calls of both.
  const calls = createDriverCalls({ config, dataSource, logger });
  const restDeps: SpiderRestDeps = { config, dataSource, resolver: connections, calls, drivers, logger, openapi };

  const resourceRouter = createResourceRouter(restDeps);
  const { app } = createSpiderApp({
    username: config.username,
    password: config.password,
    bodyLimit: config.bodyLimit,
    logger,
    dataSource,
    openapi,
    routers: [
      createHealthRouter(dataSource, SPIDER_VERSION),
      resourceRouter,
      createCimRouter(new ConnectionInfoService(cimStore, hubDrivers)),
    ],
  });
  const server: Server = createServer(app);
  let relay: { stop(): Promise<void> } | undefined;
  let driverEvents: Subscription | undefined;
  let connectionEvents: Subscription | undefined;
  let grpc: RunningSpiderGrpc | undefined;
  let restUrl = `http://${config.host}:${config.port}${BASE_PATH}`;
  let grpcAddress = `${config.host}:${config.grpcPort}`;

  return {
    name: 'spider',
    async start() {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => resolve());
      });
      const { port } = server.address() as AddressInfo;
      restUrl = `http://${config.host}:${port}${BASE_PATH}`;
      try {
        grpc = await startSpiderGrpc(restDeps, { address: grpcAddress, token: config.serviceToken });
      } catch (error) {
        server.close();
        throw error;
      }
      grpcAddress = `${config.host}:${grpc.port}`;
      relay = await startEventRelay(dataSource, deps.events, logger);
      connectionEvents = await followConnectionChanges(deps.events, (change) => connections.invalidate(change));
      driverEvents = await hubDrivers?.subscribe(deps.events);
      logger.info({ rest: restUrl, grpc: grpcAddress }, 'spider listening');
    },
    async stop() {
      server.closeIdleConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await grpc?.stop();
      await relay?.stop();
      await driverEvents?.stop();
      await connectionEvents?.stop();
      connections.clear();
      hubDrivers?.close();
      await resourceRouter.close();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
    endpoints: () => ({ rest: restUrl, grpc: grpcAddress }),
  };
}
