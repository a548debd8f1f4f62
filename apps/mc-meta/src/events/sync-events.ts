import {
  CreateOutboxEvents1767225600000,
  enqueueEvent,
  OutboxEventEntity,
  OutboxRelay,
  type EventTransport,
} from '@cb/events';
import type { ServiceLogger } from '@cb/runtime';
import type { DataSource, EntityManager } from 'typeorm';
import type { SyncRunView } from '../domain/sync/ports';

export const SYNC_COMPLETED = 'cb.mcmeta.sync.completed';
export const SYNC_FAILED = 'cb.mcmeta.sync.failed';

/** The outbox lives in mc-meta's own database. */
export const eventEntities = [OutboxEventEntity];
export const eventMigrations = [CreateOutboxEvents1767225600000];

/** `images.added` -> 1200, for every kind and change the run counted. */
function countsOf(run: SyncRunView): Record<string, bigint> {
  const counts: Record<string, bigint> = {};
  for (const [kind, byChange] of Object.entries(run.countsByKind)) {
    for (const [change, n] of Object.entries(byChange ?? {})) counts[`${kind}.${change}`] = BigInt(n);
  }
  return counts;
}

/** Queues cb.mcmeta.sync.completed or .failed in the transaction that finishes the run. */
export async function announceSyncFinished(em: EntityManager, run: SyncRunView): Promise<void> {
  const connectionName = run.connectionName ?? '';
  if (run.status === 'failed') {
    await enqueueEvent(em, SYNC_FAILED, { syncId: run.id, connectionName, error: run.error ?? 'sync failed' });
  } else {
    await enqueueEvent(em, SYNC_COMPLETED, {
      syncId: run.id,
      connectionName,
      counts: countsOf(run),
      durationMs: BigInt(run.timings.durationMs ?? 0),
    });
  }
}

/** Publishes committed outbox rows until stopped. */
export function startEventRelay(dataSource: DataSource, transport: EventTransport, logger: ServiceLogger) {
  const relay = new OutboxRelay(dataSource, transport, { logger });
  relay.start();
  return { stop: () => relay.stop() };
}
