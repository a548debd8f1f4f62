import { CimTables1700000000000 } from './1700000000000-cim-tables';

/** spider's own migrations (CIM); the outbox's and the resource tables' are appended in spider.ts. */
export const cimMigrations = [CimTables1700000000000];
