import type { EntityManager } from 'typeorm';
import { McisEntity } from './mcis.entity';

/** For the namespace's emptiness check before delete (upstream counts `mci` children). */
export function countMcisInNamespace(manager: EntityManager, nsId: string): Promise<number> {
  return manager.count(McisEntity, { where: { nsId } });
}
