import { CreateOutboxEvents1767225600000, OutboxEventEntity, OutboxRelay, type EventTransport } from '@cb/events';
import type { ServiceLogger } from '@cb/runtime';
import type { DataSource } from 'typeorm';

/** The event transport spider publishes on (JetStream, or in-process in the embedded platform). */
export type SpiderEvents = EventTransport;

/** The outbox table lives in spider's own database. */
export const eventEntities = [OutboxEventEntity];
export const eventMigrations = [CreateOutboxEvents1767225600000];

/** Publishes committed outbox rows (after NOTIFY, or on its poll) until stopped. */
export async function startEventRelay(
  dataSource: DataSource,
  transport: SpiderEvents,
  logger: ServiceLogger,
): Promise<{ stop(): Promise<void> }> {
  const relay = new OutboxRelay(dataSource, transport, { logger });
  await relay.start();
  return relay;
}
