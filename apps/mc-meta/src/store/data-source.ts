import { createDataSource } from '@cb/db';
import { OutboxEventEntity } from '@cb/events';
import type { DataSource, MigrationInterface } from 'typeorm';
import { CatalogSchema1764000000000 } from './migrations/1764000000000-CatalogSchema';
import { SearchIndexes1768000000000 } from './migrations/1768000000000-SearchIndexes';
import { RecordChangeUnchecked1768000000001 } from './migrations/1768000000001-RecordChangeUnchecked';
import { ByteOrderKeys1768000000002 } from './migrations/1768000000002-ByteOrderKeys';
import { DistinctImageWords1768000000003 } from './migrations/1768000000003-DistinctImageWords';
import { SpecCheapestPrice1768000000004 } from './migrations/1768000000004-SpecCheapestPrice';
import { ImageCounts1768000000005 } from './migrations/1768000000005-ImageCounts';
import { DocumentsComparedDirectly1768000000006 } from './migrations/1768000000006-DocumentsComparedDirectly';
import { ImageWordMask1768000000007 } from './migrations/1768000000007-ImageWordMask';

type MigrationClass = new () => MigrationInterface;

/** mc-meta's database: raw set-based SQL over a TypeORM pool, plus the events outbox. */
export function createMcMetaDataSource(url: string, extraMigrations: MigrationClass[] = [], poolSize = 12): DataSource {
  return createDataSource({
    url,
    entities: [OutboxEventEntity],
    migrations: [
      CatalogSchema1764000000000,
      SearchIndexes1768000000000,
      RecordChangeUnchecked1768000000001,
      ByteOrderKeys1768000000002,
      DistinctImageWords1768000000003,
      SpecCheapestPrice1768000000004,
      ImageCounts1768000000005,
      DocumentsComparedDirectly1768000000006,
      ImageWordMask1768000000007,
      ...extraMigrations,
    ],
    poolSize,
    // Failed statements are reported by their callers; TypeORM would log megabytes of staged JSON.
    logging: ['migration'],
  });
}
