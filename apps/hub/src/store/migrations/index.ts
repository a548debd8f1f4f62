import { HubTables1764100000000 } from './1764100000000-hub-tables';

/** hub's own migrations; the outbox's are appended in hub.ts. */
export const hubMigrations = [HubTables1764100000000];
