import { CreateOutboxEvents1767225600000, type EventTransport, OutboxEventEntity, OutboxRelay } from '@cb/events';
import type { ServiceLogger } from '@cb/runtime';
import type { DataSource } from 'typeorm';

/** The event transport hub publishes on (JetStream, or in-process in the embedded platform). */
export type HubEvents = EventTransport;

/** The outbox table lives in hub's own database. */
export const eventEntities = [OutboxEventEntity];
export const eventMigrations = [CreateOutboxEvents1767225600000];

/** Publishes committed outbox rows until stopped. */
export async function startEventRelay(dataSource: DataSource, transport: HubEvents, logger: ServiceLogger) {
  const relay = new OutboxRelay(dataSource, transport, { logger });
  await relay.start();
  return { stop: () => relay.stop() };
}
