import { createEventBus, type EventTransport, type Subscription } from '@cb/events';
import type { ServiceLogger } from '@cb/runtime';
import type { ConnectionCatalog } from '../domain/connection/connection-catalog';

export const CONNECTION_REGISTERED = 'cb.spider.connection.registered';
export const CONNECTION_DELETED = 'cb.spider.connection.deleted';

/**
 * Keeps tumblebug's copy of spider's connection configs fresh: a registration is read back from spider
 * (so a stale or replayed event cannot resurrect a deleted config), a deletion is forgotten. Both are
 * idempotent, as redelivery requires; a failure to reach spider throws, and the event comes again.
 */
export function followSpiderConnections(
  transport: EventTransport,
  connections: ConnectionCatalog,
  logger: ServiceLogger,
): Promise<Subscription> {
  return createEventBus({ transport }).subscribe(
    'tumblebug-connection-sync',
    [CONNECTION_REGISTERED, CONNECTION_DELETED],
    async (event) => {
      const { configName } = event.payload;
      if (event.subject === CONNECTION_DELETED) {
        await connections.forget(configName);
        logger.info({ configName }, 'connection config deleted in spider');
        return;
      }
      const connection = await connections.refreshOne(configName);
      logger.info({ configName, known: connection !== undefined }, 'connection config registered in spider');
    },
  );
}
