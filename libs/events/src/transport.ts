import type { SubjectFilter } from './catalog';

/** One event on the wire: the id is the outbox row id and doubles as the de-duplication key. */
export interface OutgoingEvent {
  id: string;
  subject: string;
  data: Uint8Array;
  headers: Record<string, string>;
}

export interface DeliveredEvent extends OutgoingEvent {
  /** 1 on first delivery; more when an earlier handler run failed or did not ack in time. */
  deliveryCount: number;
}

/** Resolving acknowledges the event; throwing asks for redelivery later. Must be idempotent. */
export type DeliveryHandler = (event: DeliveredEvent) => Promise<void>;

export interface Subscription {
  /** Stops receiving: a durable consumer keeps its position for the next subscribe; a listener is removed. */
  stop(): Promise<void>;
}

export interface SubscribeOptions {
  /** Wait before a failed event is delivered again (default 1000 ms). */
  retryDelayMs?: number;
  /** Deliveries before an event is given up as poison and logged (default 10). */
  maxDeliver?: number;
}

/**
 * How events move between services: JetStream between processes, in-process for the
 * single-process platform without NATS. Both give at-least-once delivery, ack after the handler
 * succeeds, redelivery when it throws (at most `maxDeliver` times, then logged), and
 * de-duplication by event id.
 *
 * Two ways to receive:
 * - `subscribe`: a durable consumer, shared by name. Work that must happen once per event (sync a
 *   connection, write a row) whichever replica does it; it resumes where it stopped, and a name new
 *   to the stream starts at the stream's beginning.
 * - `listen`: a broadcast listener owned by this process. Every listening process gets every event
 *   published after it started listening (cache invalidation, reloads, live views). Nothing is left
 *   behind when it stops, nor when the process dies.
 */
export interface EventTransport {
  /** Resolves once the event is stored (JetStream's PubAck); a duplicate id is accepted and dropped. */
  publish(event: OutgoingEvent): Promise<void>;
  subscribe(
    consumerName: string,
    subjects: readonly SubjectFilter[],
    handler: DeliveryHandler,
    options?: SubscribeOptions,
  ): Promise<Subscription>;
  /** `listenerName` only labels the listener in logs and in the server's consumer list; it need not be unique. */
  listen(
    listenerName: string,
    subjects: readonly SubjectFilter[],
    handler: DeliveryHandler,
    options?: SubscribeOptions,
  ): Promise<Subscription>;
  close(): Promise<void>;
}

/** pino-compatible: the transports report poison events and relay failures here. */
export interface EventsLogger {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export const consoleLogger: EventsLogger = {
  warn: (details, message) => console.warn(message, details),
  error: (details, message) => console.error(message, details),
};

/** Durable consumer names become JetStream durable names: no dots, wildcards or spaces. */
export function assertConsumerName(name: string): void {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) {
    throw new Error(`consumer name "${name}" must be 1-64 letters, digits, _ or -`);
  }
}
