export { cimEntities } from './cim-entities';
export type { ConnectionEventsOutbox } from './connection-events-outbox';
export { TypeOrmConnectionInfoStore } from './typeorm-connection-info-store';
