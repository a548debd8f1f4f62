export {
  EVENT_CATALOG,
  EVENT_SUBJECTS,
  decodeEvent,
  encodeEvent,
  isEventSubject,
  subjectMatches,
  type EventInit,
  type EventPayload,
  type EventSchema,
  type EventSubject,
  type SubjectFilter,
} from './catalog';
export {
  consoleLogger,
  type DeliveredEvent,
  type DeliveryHandler,
  type EventTransport,
  type EventsLogger,
  type OutgoingEvent,
  type SubscribeOptions,
  type Subscription,
} from './transport';
export { InProcessTransport, type InProcessTransportOptions } from './transports/in-process-transport';
export { JetStreamTransport, type JetStreamTransportOptions } from './transports/jetstream-transport';
export { OutboxEventEntity } from './outbox/outbox-event.entity';
export { CreateOutboxEvents1767225600000 } from './outbox/outbox-migration';
export { enqueueEvent, OUTBOX_CHANNEL } from './outbox/enqueue-event';
export { OutboxRelay, type OutboxRelayOptions } from './outbox/outbox-relay';
export { createEventBus, type EventBus, type EventTracing, type ReceivedEvent } from './event-bus';
