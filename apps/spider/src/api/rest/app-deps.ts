import type { DriverRegistry } from '@cb/driver-sdk';
import type { OpenApiBuilder } from '@cb/http';
import type { ServiceLogger } from '@cb/runtime';
import type { DataSource } from 'typeorm';
import type { SpiderConfig } from '../../config';
import type { ConnectionResolving } from '../../domain/cim/connection-cache';
import type { DriverCalls } from './app-calls';

/**
 * What every REST router of spider is built from. The resources router
 * (`createResourceRouter(deps)` in ./resources) gets exactly this.
 */
export interface SpiderRestDeps {
  config: SpiderConfig;
  dataSource: DataSource;
  /** ConnectionName → driver + decrypted credential + region (upstream's error texts); spider's is cached. */
  resolver: ConnectionResolving;
  /** The driver call gateway and call history REST and gRPC share (built by the wiring); absent → each builds its own. */
  calls?: DriverCalls;
  drivers: DriverRegistry;
  logger: ServiceLogger;
  /** spider's OpenAPI document (served at /spider/api-docs): routers add their operations; absent outside REST. */
  openapi?: OpenApiBuilder;
}
