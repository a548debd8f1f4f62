import { enqueueEvent } from '@cb/events';
import type { EntityManager } from 'typeorm';

/**
 * What MCIS announces, written to the outbox in the transaction that makes it true:
 * cb.tumblebug.mcis.created | status_changed | deleted and cb.tumblebug.vm.status_changed.
 */
export const mcisEvents = {
  created: (em: EntityManager, nsId: string, mcisId: string, vmCount: number) =>
    enqueueEvent(em, 'cb.tumblebug.mcis.created', { nsId, mcisId, vmCount }),
  statusChanged: (em: EntityManager, nsId: string, mcisId: string, previousStatus: string, status: string) =>
    enqueueEvent(em, 'cb.tumblebug.mcis.status_changed', { nsId, mcisId, previousStatus, status }),
  deleted: (em: EntityManager, nsId: string, mcisId: string) =>
    enqueueEvent(em, 'cb.tumblebug.mcis.deleted', { nsId, mcisId }),
  vmStatusChanged: (
    em: EntityManager,
    nsId: string,
    mcisId: string,
    vmId: string,
    previousStatus: string,
    status: string,
  ) => enqueueEvent(em, 'cb.tumblebug.vm.status_changed', { nsId, mcisId, vmId, previousStatus, status }),
};
