import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { encodeEvent, type EventInit, type EventSubject } from '../catalog';
import { activeTraceHeaders } from '../trace-context';
import { OutboxEventEntity } from './outbox-event.entity';

/** The channel the relay LISTENs on; NOTIFY inside a transaction is only sent when it commits. */
export const OUTBOX_CHANNEL = 'cb_outbox';

/**
 * Records an event in the caller's transaction (`manager` from `dataSource.transaction`): it is
 * published if and only if that transaction commits. Returns the event id. The headers default to
 * the active trace context, so that consumers continue the publisher's trace.
 */
export async function enqueueEvent<S extends EventSubject>(
  manager: EntityManager,
  subject: S,
  payload: EventInit<S>,
  headers: Record<string, string> = activeTraceHeaders(),
): Promise<string> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(`enqueueEvent(${subject}) needs the EntityManager of an open transaction`);
  }
  const id = randomUUID();
  await manager.insert(OutboxEventEntity, {
    id,
    subject,
    payload: Buffer.from(encodeEvent(subject, payload)),
    headers,
  });
  await manager.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
  return id;
}
