import { createEventBus, type EventTransport, type Subscription } from '@cb/events';
import type { CimChange } from '../domain/cim/connection-cache';
import { CONNECTION_DELETED, CONNECTION_REGISTERED } from './connection-events';

/**
 * This replica's own listener of spider's connection events: a config registered or deleted through any
 * replica drops it from this one's connection cache. A listener, not a shared durable consumer, because
 * every replica holds its own cache and so needs every event; it goes away with the process.
 */
export function followConnectionChanges(
  transport: EventTransport,
  onChange: (change: CimChange) => void,
): Promise<Subscription> {
  return createEventBus({ transport }).listen(
    'spider-conn-cache',
    [CONNECTION_REGISTERED, CONNECTION_DELETED],
    async (event) => onChange({ kind: 'connection', name: event.payload.configName }),
  );
}
