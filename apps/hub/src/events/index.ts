export { DRIVER_DELETED, DRIVER_PUBLISHED, releaseEventsOutbox } from './release-events';
export { eventEntities, eventMigrations, startEventRelay, type HubEvents } from './event-relay';
