export { CONNECTION_DELETED, CONNECTION_REGISTERED, connectionEventsOutbox } from './connection-events';
export { eventEntities, eventMigrations, startEventRelay, type SpiderEvents } from './event-relay';
