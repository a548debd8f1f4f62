import { isUniqueViolation } from '@cb/db';
import { AlreadyExistsError } from '@cb/errors';
import type { DataSource, EntityManager } from 'typeorm';
import type { ResourceRecord, ResourceStore } from '../../domain/resources/resource-store';
import type { ResourceType } from '../../domain/resources/resource-types';
import { ResourceEntity } from './resource.entity';

const toRecord = (row: ResourceEntity): ResourceRecord => ({
  nsId: row.nsId,
  resourceType: row.resourceType as ResourceType,
  id: row.id,
  uid: row.uid,
  connectionName: row.connectionName,
  info: row.info,
  privateKey: row.privateKey,
});

export class PgResourceStore implements ResourceStore {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(ResourceEntity);
  }

  /** Inside a transaction, its own connection: waiting for a second pool connection there can deadlock the pool. */
  private repoOf(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(ResourceEntity);
  }

  async claim(record: ResourceRecord): Promise<void> {
    try {
      await this.repo.insert({ ...record, info: record.info as never, privateKey: record.privateKey ?? null });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AlreadyExistsError(`The ${record.resourceType} ${record.id} already exists.`, { id: record.id });
      }
      throw error;
    }
  }

  async save(record: ResourceRecord, manager?: EntityManager): Promise<void> {
    const { nsId, resourceType, id, ...changes } = record;
    await this.repoOf(manager).update(
      { nsId, resourceType, id },
      {
        uid: changes.uid,
        connectionName: changes.connectionName,
        info: changes.info as never,
        privateKey: changes.privateKey ?? null,
      },
    );
  }

  async find(nsId: string, resourceType: ResourceType, id: string): Promise<ResourceRecord | undefined> {
    const row = await this.repo.findOneBy({ nsId, resourceType, id });
    return row ? toRecord(row) : undefined;
  }

  async list(nsId: string, resourceType: ResourceType): Promise<ResourceRecord[]> {
    return (await this.repo.find({ where: { nsId, resourceType }, order: { id: 'ASC' } })).map(toRecord);
  }

  async remove(nsId: string, resourceType: ResourceType, id: string, manager?: EntityManager): Promise<boolean> {
    return ((await this.repoOf(manager).delete({ nsId, resourceType, id })).affected ?? 0) > 0;
  }
}
