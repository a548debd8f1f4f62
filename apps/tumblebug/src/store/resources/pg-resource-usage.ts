import type { DataSource, EntityManager } from 'typeorm';
import type { ResourceRef } from '../../domain/resources/resource-types';
import type { ResourceUsage } from '../../domain/resources/resource-usage';
import { ResourceUsageEntity } from './resource.entity';

/** ResourceUsage over the `resource_usage` table (rows keyed by ns, type, id and the using VM). */
export class PgResourceUsage implements ResourceUsage {
  constructor(private readonly dataSource: DataSource) {}

  async markUsed(manager: EntityManager, refs: ResourceRef[], vmRef: string): Promise<void> {
    if (!refs.length) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(ResourceUsageEntity)
      .values(refs.map((ref) => ({ ...ref, vmRef })))
      .orIgnore()
      .execute();
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
