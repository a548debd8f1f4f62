import type { EntityManager } from 'typeorm';
import {
  decodeEvent,
  isEventSubject,
  type EventInit,
  type EventPayload,
  type EventSubject,
  type SubjectFilter,
} from './catalog';
import { enqueueEvent } from './outbox/enqueue-event';
import { activeTraceHeaders, runInPublisherTrace } from './trace-context';
import type { DeliveryHandler, EventTransport, SubscribeOptions, Subscription } from './transport';

/**
 * Trace context across events. By default the OpenTelemetry API carries it (see trace-context.ts);
 * give another to replace that.
 */
export interface EventTracing {
  inject(headers: Record<string, string>): unknown;
  runInContext<T>(headers: Record<string, string>, fn: () => T): T;
}

/** A delivered event with its payload decoded; a union over S when subscribing to several. */
export type ReceivedEvent<S extends EventSubject = EventSubject> = {
  [K in S]: {
    id: string;
    subject: K;
    payload: EventPayload<K>;
    headers: Record<string, string>;
    deliveryCount: number;
  };
}[S];

export interface EventBus {
  /** Writes the event to the outbox inside the caller's transaction; returns its id. */
  publishInTransaction<S extends EventSubject>(
    manager: EntityManager,
    subject: S,
    payload: EventInit<S>,
  ): Promise<string>;
  subscribe<S extends EventSubject = EventSubject>(
    consumerName: string,
    subjects: readonly (S | SubjectFilter)[],
    handler: (event: ReceivedEvent<S>) => Promise<void>,
    options?: SubscribeOptions,
  ): Promise<Subscription>;
  /** A broadcast listener of this process: every listening process gets every event published from now on. */
  listen<S extends EventSubject = EventSubject>(
    listenerName: string,
    subjects: readonly (S | SubjectFilter)[],
    handler: (event: ReceivedEvent<S>) => Promise<void>,
    options?: SubscribeOptions,
  ): Promise<Subscription>;
}

export function createEventBus(deps: { transport: EventTransport; tracing?: EventTracing }): EventBus {
  const { transport, tracing } = deps;

  /** Decodes the payload and runs the handler inside the publisher's trace context. */
  const decoding =
    (handler: (event: ReceivedEvent) => Promise<void>): DeliveryHandler =>
    async (delivered) => {
      // A subject outside the catalog cannot be decoded; failing makes it a logged poison event.
      if (!isEventSubject(delivered.subject)) throw new Error(`no catalog entry for "${delivered.subject}"`);
      const event = {
        id: delivered.id,
        subject: delivered.subject,
        payload: decodeEvent(delivered.subject, delivered.data),
        headers: delivered.headers,
        deliveryCount: delivered.deliveryCount,
      } as ReceivedEvent;
      const run = () => handler(event);
      await (tracing
        ? tracing.runInContext(delivered.headers, run)
        : runInPublisherTrace(event.subject, event.headers, run));
    };

  return {
    publishInTransaction(manager, subject, payload) {
      if (!tracing) return enqueueEvent(manager, subject, payload, activeTraceHeaders());
      const headers: Record<string, string> = {};
      tracing.inject(headers);
      return enqueueEvent(manager, subject, payload, headers);
    },

    subscribe(consumerName, subjects, handler, options) {
      return transport.subscribe(consumerName, subjects, decoding(handler as never), options);
    },

    listen(listenerName, subjects, handler, options) {
      return transport.listen(listenerName, subjects, decoding(handler as never), options);
    },
  };
}
