import {
  create,
  fromBinary,
  toBinary,
  type DescMessage,
  type MessageInitShape,
  type MessageShape,
} from '@bufbuild/protobuf';
import { events } from '@cb/proto';

/**
 * Every event the platform publishes: subject `cb.<service>.<aggregate>.<event>` → its
 * cb.events.v1 payload. Publishers and subscribers find events here, never by ad-hoc strings.
 */
export const EVENT_CATALOG = {
  'cb.spider.connection.registered': events.ConnectionRegisteredSchema,
  'cb.spider.connection.deleted': events.ConnectionDeletedSchema,
  'cb.spider.vm.created': events.VmCreatedSchema,
  'cb.spider.vm.status_changed': events.VmStatusChangedSchema,
  'cb.spider.vm.terminated': events.VmTerminatedSchema,
  'cb.tumblebug.mcis.created': events.McisCreatedSchema,
  'cb.tumblebug.mcis.status_changed': events.McisStatusChangedSchema,
  'cb.tumblebug.mcis.deleted': events.McisDeletedSchema,
  'cb.tumblebug.vm.status_changed': events.McisVmStatusChangedSchema,
  'cb.mcmeta.sync.completed': events.SyncCompletedSchema,
  'cb.mcmeta.sync.failed': events.SyncFailedSchema,
  'cb.hub.driver.published': events.DriverPublishedSchema,
  'cb.hub.driver.deleted': events.DriverDeletedSchema,
} as const;

export type EventSubject = keyof typeof EVENT_CATALOG;
export type EventSchema<S extends EventSubject> = (typeof EVENT_CATALOG)[S];
/** The decoded payload of subject S, e.g. `EventPayload<'cb.spider.vm.created'>` is `events.VmCreated`. */
export type EventPayload<S extends EventSubject> = MessageShape<EventSchema<S>>;
/** What a publisher passes: the payload's fields (a plain object) or a message already built. */
export type EventInit<S extends EventSubject> = MessageInitShape<EventSchema<S>>;

/** A subscription: one subject of the catalog, or a prefix wildcard such as `cb.spider.>`. */
export type SubjectFilter = EventSubject | `cb.${string}>`;

export const EVENT_SUBJECTS = Object.keys(EVENT_CATALOG) as EventSubject[];

export function isEventSubject(subject: string): subject is EventSubject {
  return Object.hasOwn(EVENT_CATALOG, subject);
}

function schemaOf(subject: string): DescMessage {
  if (!isEventSubject(subject)) throw new Error(`"${subject}" is not an event of the catalog`);
  return EVENT_CATALOG[subject];
}

export function encodeEvent<S extends EventSubject>(subject: S, payload: EventInit<S>): Uint8Array {
  const schema = schemaOf(subject);
  return toBinary(schema, create(schema, payload as MessageInitShape<DescMessage>));
}

export function decodeEvent<S extends EventSubject>(subject: S, data: Uint8Array): EventPayload<S> {
  return fromBinary(schemaOf(subject), data) as EventPayload<S>;
}

/** NATS subject matching: `*` is one token, a trailing `>` is one or more tokens. */
export function subjectMatches(filter: string, subject: string): boolean {
  const wanted = filter.split('.');
  const actual = subject.split('.');
  for (let i = 0; i < wanted.length; i++) {
    if (wanted[i] === '>') return actual.length > i;
    if (i >= actual.length || (wanted[i] !== '*' && wanted[i] !== actual[i])) return false;
  }
  return wanted.length === actual.length;
}
