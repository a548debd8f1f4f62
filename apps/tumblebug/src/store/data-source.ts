import { createDataSource } from '@cb/db';
import { OutboxEventEntity } from '@cb/events';
import type { DataSource } from 'typeorm';
import { ConnectionEntity } from './connection/connection.entity';
import { coreMigrations } from './migrations';
import { mcisEntities, mcisMigrations } from './mcis';
import { NamespaceEntity } from './namespace/namespace.entity';
import { ImageEntity, SpecEntity } from './resources/catalog.entity';
import { ResourceEntity, ResourceUsageEntity } from './resources/resource.entity';

export const coreEntities = [
  OutboxEventEntity,
  NamespaceEntity,
  ConnectionEntity,
  ResourceEntity,
  ResourceUsageEntity,
  SpecEntity,
  ImageEntity,
];

/** tumblebug's one database: the core tables (namespaces, connections, MCIR), MCIS's tables and the outbox. */
export function createTumblebugDataSource(url: string): DataSource {
  return createDataSource({
    url,
    entities: [...coreEntities, ...mcisEntities],
    migrations: [...coreMigrations, ...mcisMigrations],
  });
}
