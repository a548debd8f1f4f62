import { DriverCallEntity } from './driver-call.entity';
import { IID_ENTITIES } from './iid-entities';
import { ResourceIids1700000001000 } from './migrations/1700000001000-resource-iids';

export { IID_ENTITIES, type IidKind } from './iid-entities';
export type { IidRecord } from './iid-record';
export { IidStore, type NewIid } from './iid-store';
export {
  CallHistoryStore,
  type CallHistoryFilter,
  type DriverCallRecord,
  type ProviderCallStats,
} from './call-history-store';
export { DriverCallEntity } from './driver-call.entity';

/** The cloud-resource side's tables, for spider's DataSource. */
export const resourceEntities = [...Object.values(IID_ENTITIES), DriverCallEntity];
export const resourceMigrations = [ResourceIids1700000001000];
