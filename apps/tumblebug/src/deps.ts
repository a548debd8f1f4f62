import type { EventTransport } from '@cb/events';
import type { OpenApiBuilder } from '@cb/http';
import type { ServiceLogger } from '@cb/runtime';
import type { SecretBox } from '@cb/secrets';
import type { SpiderClient } from '@cb/spider-client';
import type { DataSource } from 'typeorm';
import type { TumblebugConfig } from './config';
import type { ConnectionCatalog } from './domain/connection/connection-catalog';
import type { NamespaceService } from './domain/namespace/namespace-service';
import type { ResourceService } from './domain/resources/resource-service';
import type { ResourceUsage } from './domain/resources/resource-usage';

/**
 * Everything tumblebug's parts share, built once in tumblebug.ts. MCIS (createMcisRouter,
 * startMcisWorkers) and the gRPC API are built from it.
 *
 * - namespaces: `require(nsId)` throws 404 "Not valid namespace"; `addContentCounter` makes namespace
 *   deletion refuse while MCIS objects exist.
 * - connections: spider's connection configs with region coordinates (`get(name)` 404s when unknown).
 * - resources: MCIR lookups (`get`, `getSpec`, `getImage`, `sshPrivateKey`) and creation (dynamic MCIS
 *   creates its shared vNet/SG/sshKey through it).
 * - resourceUsage: mark/release which VM uses which resource, inside MCIS's own transactions.
 * - openapi: the service's one OpenAPI document; routers add their operations to it.
 */
export interface TumblebugDeps {
  config: TumblebugConfig;
  dataSource: DataSource;
  spider: SpiderClient;
  events: EventTransport;
  logger: ServiceLogger;
  secrets: SecretBox;
  namespaces: NamespaceService;
  connections: ConnectionCatalog;
  resources: ResourceService;
  resourceUsage: ResourceUsage;
  openapi: OpenApiBuilder;
}
