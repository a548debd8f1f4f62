import type { DataSource, EntityManager } from 'typeorm';
import type { ResourceRef } from '../../domain/resources/resource-types';
import type { ResourceUsage, ResourceUse } from '../../domain/resources/resource-usage';
import { ResourceUsageEntity } from './resource.entity';

const ROWS_PER_INSERT = 2_000;

/** ResourceUsage over the `resource_usage` table (rows keyed by ns, type, id and the using VM). */
export class PgResourceUsage implements ResourceUsage {
  constructor(private readonly dataSource: DataSource) {}

  markUsed(manager: EntityManager, refs: ResourceRef[], vmRef: string): Promise<void> {
    return this.markUsedMany(
      manager,
      refs.map((ref) => ({ ref, vmRef })),
    );
  }

  async markUsedMany(manager: EntityManager, uses: ResourceUse[]): Promise<void> {
    // 4 parameters a row: 2,000 rows stay far below PostgreSQL's 65,535 parameters per statement.
    for (let i = 0; i < uses.length; i += ROWS_PER_INSERT) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(ResourceUsageEntity)
        .values(uses.slice(i, i + ROWS_PER_INSERT).map(({ ref, vmRef }) => ({ ...ref, vmRef })))
        .orIgnore()
        .execute();
    }
  }

  async release(manager: EntityManager, nsId: string, vmRef: string): Promise<void> {
    await manager.delete(ResourceUsageEntity, { nsId, vmRef });
  }

  async releaseByPrefix(manager: EntityManager, nsId: string, prefix: string): Promise<void> {
    await manager.query(`DELETE FROM resource_usage WHERE ns_id = $1 AND starts_with(vm_ref, $2)`, [nsId, prefix]);
  }

  async usersOf(ref: ResourceRef, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = await manager.find(ResourceUsageEntity, {
      where: { nsId: ref.nsId, resourceType: ref.resourceType, resourceId: ref.resourceId },
      order: { vmRef: 'ASC' },
    });
    return rows.map((row) => row.vmRef);
  }
}
