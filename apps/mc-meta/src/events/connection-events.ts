import { createEventBus, type EventTransport, type Subscription } from '@cb/events';
import { NotFoundError } from '@cb/errors';
import type { ServiceLogger } from '@cb/runtime';
import type { SyncService } from '../domain/sync/sync-service';

export const CONNECTION_REGISTERED = 'cb.spider.connection.registered';

/**
 * A connection registered in spider gets its catalog collected at once. A connection spider no longer knows
 * (deleted since) is acknowledged and skipped; anything else is retried by redelivery.
 */
export function syncOnConnectionRegistered(
  transport: EventTransport,
  sync: SyncService,
  logger: ServiceLogger,
): Promise<Subscription> {
  return createEventBus({ transport }).subscribe('mcmeta-connection-sync', [CONNECTION_REGISTERED], async (event) => {
    const connectionName = event.payload.configName;
    try {
      const { id } = await sync.start({ connectionName }, 'connection-registered');
      logger.info({ connectionName, syncId: id }, 'syncing a newly registered connection');
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      logger.warn({ connectionName }, 'registered connection is gone from spider; not synced');
    }
  });
}
