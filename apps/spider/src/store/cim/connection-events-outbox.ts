import type { EntityManager } from 'typeorm';
import type { ConnectionConfigInfo } from '../../domain/cim/model';

/** Records a connection's lifecycle event inside the transaction that changed it (transactional outbox). */
export interface ConnectionEventsOutbox {
  registered(em: EntityManager, config: ConnectionConfigInfo): Promise<void>;
  deleted(em: EntityManager, config: ConnectionConfigInfo): Promise<void>;
}
