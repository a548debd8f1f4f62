import type { ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import { subjectMatches, type SubjectFilter } from '../catalog';
import type { DeliveryHandler, EventsLogger } from '../transport';

const MSG_ID = 'Nats-Msg-Id';

/** How one JetStream consumer's messages reach its handler. */
export interface DeliverySettings {
  stream: string;
  /** Stripped from wire subjects before filtering and handing over. */
  prefix: string;
  filters: readonly SubjectFilter[];
  maxDeliver: number;
  retryDelayMs: number;
  /** For the poison-event log line. */
  consumerName: string;
  logger: EventsLogger;
}

/**
 * Hands a consumer's messages to the handler one at a time, so that handlers see events in order
 * and concurrency stays bounded. `onSeen` gets each message's stream sequence once it is settled.
 * Returns when the messages end: stopped, or failed (the error is thrown).
 */
export async function deliverMessages(
  messages: ConsumerMessages,
  handler: DeliveryHandler,
  settings: DeliverySettings,
  onSeen: (streamSeq: number) => void = () => undefined,
): Promise<void> {
  for await (const msg of messages) {
    const subject = msg.subject.slice(settings.prefix.length);
    // Several filters share the stream-wide filter on nats-server 2.9: the rest is filtered here.
    if (settings.filters.some((filter) => subjectMatches(filter, subject))) {
      await deliverOne(msg, subject, handler, settings);
    } else {
      msg.ack();
    }
    onSeen(msg.seq);
  }
}

/** Ack after the handler resolves; nak with a delay when it throws; term and log once deliveries run out. */
async function deliverOne(msg: JsMsg, subject: string, handler: DeliveryHandler, settings: DeliverySettings) {
  const headers: Record<string, string> = {};
  for (const key of msg.headers?.keys() ?? []) if (key !== MSG_ID) headers[key] = msg.headers!.get(key);
  const id = msg.headers?.get(MSG_ID) || `${settings.stream}:${msg.seq}`;
  const deliveryCount = msg.info.deliveryCount;
  try {
    await handler({ id, subject, data: msg.data, headers, deliveryCount });
    await msg.ackAck().catch(() => msg.ack());
  } catch (err) {
    if (deliveryCount >= settings.maxDeliver) {
      settings.logger.error(
        { id, subject, deliveryCount, consumer: settings.consumerName, err },
        'event given up after max deliveries',
      );
      msg.term();
    } else {
      msg.nak(settings.retryDelayMs);
    }
  }
}
