import { ensureDatabase, parseDatabaseUrl, runMigrations, withDatabase } from '@cb/db';
import { type EventTransport, OutboxRelay, type Subscription } from '@cb/events';
import { OpenApiBuilder } from '@cb/http';
import type { RunningService, ServiceDeps } from '@cb/runtime';
import { SecretBox } from '@cb/secrets';
import { SpiderClient } from '@cb/spider-client';
import { type RunningTumblebugGrpc, startTumblebugGrpc } from './api/grpc';
import { BASE_PATH, createTumblebugApp } from './api/rest/app';
import { createMcisRouter } from './api/rest/mcis';
import { addMcisOperations } from './api/rest/mcis-openapi';
import { type TumblebugConfig, TUMBLEBUG_VERSION } from './config';
import type { TumblebugDeps } from './deps';
import { ConnectionCatalog } from './domain/connection/connection-catalog';
import { startMcisWorkers } from './domain/mcis';
import { NamespaceService } from './domain/namespace/namespace-service';
import { ResourceService } from './domain/resources/resource-service';
import { followSpiderConnections } from './events/connection-sync';
import { PgConnectionStore } from './store/connection/pg-connection-store';
import { createTumblebugDataSource } from './store/data-source';
import { countMcisInNamespace } from './store/mcis';
import { PgNamespaceContents } from './store/namespace/pg-namespace-contents';
import { PgNamespaceStore } from './store/namespace/pg-namespace-store';
import { PgResourceStore } from './store/resources/pg-resource-store';
import { PgResourceUsage } from './store/resources/pg-resource-usage';
import { PgSpecImageStore } from './store/resources/pg-spec-image-store';

/**
 * tumblebug's wiring: store + domain + REST (+ gRPC) + events, no logic. Used by main.ts and apps/platform.
 * Nothing listens, subscribes or runs in the background until start().
 *
 * Seams for the other parts of the service, all built from the same TumblebugDeps (deps.ts):
 *   - MCIS REST routes: createMcisRouter(deps) from api/rest/mcis, mounted with the core routes;
 *   - MCIS background workers (creation state machine, status agent): startMcisWorkers(deps) from
 *     domain/mcis, started after the HTTP server and stopped before the database closes;
 *   - the gRPC API (cb.tumblebug.v1 on config.grpcPort): started in start(), stopped in stop().
 */
export async function createTumblebug(
  config: TumblebugConfig,
  serviceDeps: ServiceDeps<EventTransport>,
): Promise<RunningService & { deps: TumblebugDeps }> {
  const logger = serviceDeps.logger.child({ service: 'tumblebug' });
  const { database } = parseDatabaseUrl(config.databaseUrl);
  await ensureDatabase(withDatabase(config.databaseUrl, 'postgres'), database).catch((error: unknown) => {
    logger.warn({ database, reason: (error as Error).message }, 'could not ensure the database exists');
  });
  const dataSource = createTumblebugDataSource(config.databaseUrl);
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }

  const spider = new SpiderClient(
    config.spiderGrpcAddress,
    config.spiderGrpcToken ? { token: config.spiderGrpcToken } : {},
  );
  const secrets = new SecretBox(config.secretKey);
  const namespaces = new NamespaceService(new PgNamespaceStore(dataSource));
  namespaces.addContentCounter(new PgNamespaceContents(dataSource));
  namespaces.addContentCounter({
    count: async (nsId) => ({ mci: await countMcisInNamespace(dataSource.manager, nsId) }),
  });
  const connections = new ConnectionCatalog(spider, new PgConnectionStore(dataSource), logger);
  const resourceUsage = new PgResourceUsage(dataSource);
  const resources = new ResourceService({
    spider,
    namespaces,
    connections,
    usage: resourceUsage,
    secrets,
    store: new PgResourceStore(dataSource),
    catalog: new PgSpecImageStore(dataSource),
    dataSource,
    logger,
  });
  const deps: TumblebugDeps = {
    config,
    dataSource,
    spider,
    events: serviceDeps.events,
    logger,
    secrets,
    namespaces,
    connections,
    resources,
    resourceUsage,
    openapi: new OpenApiBuilder({ title: 'CB-Tumblebug', version: TUMBLEBUG_VERSION }),
  };

  const http = createTumblebugApp(deps, [createMcisRouter(deps)]);
  addMcisOperations(deps.openapi);
  const relay = new OutboxRelay(dataSource, serviceDeps.events, { logger });
  let subscription: Subscription | undefined;
  let workers: { stop(): Promise<void> } | undefined;
  let grpc: RunningTumblebugGrpc | undefined;
  let restUrl = `http://${config.host}:${config.port}${BASE_PATH}`;
  let grpcAddress = `${config.host}:${config.grpcPort}`;

  return {
    name: 'tumblebug',
    deps,
    async start() {
      await namespaces.ensureSystemNamespace();
      // Follow spider first, then read it in full: a registration in between is seen by one or the other.
      subscription = await followSpiderConnections(serviceDeps.events, connections, logger);
      await connections.refreshAll().catch((error: unknown) => {
        logger.warn({ reason: (error as Error).message }, 'spider not reachable; connections refresh on its events');
      });
      const server = await http.listen(config.port, config.host);
      const address = server.address();
      restUrl = `http://${config.host}:${typeof address === 'object' && address ? address.port : config.port}${BASE_PATH}`;
      await relay.start();
      workers = await startMcisWorkers(deps);
      grpc = await startTumblebugGrpc(deps, { address: grpcAddress, token: config.serviceToken });
      grpcAddress = `${config.host}:${grpc.port}`;
      logger.info({ rest: restUrl, grpc: grpcAddress }, 'tumblebug listening');
    },
    async stop() {
      await subscription?.stop();
      await Promise.all([http.close(), grpc?.stop(5_000)]);
      await workers?.stop();
      await relay.stop();
      spider.close();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
    endpoints: () => ({ rest: restUrl, grpc: grpcAddress }),
  };
}
