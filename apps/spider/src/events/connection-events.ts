import { create } from '@bufbuild/protobuf';
import { enqueueEvent } from '@cb/events';
import { events } from '@cb/proto';
import type { EntityManager } from 'typeorm';
import type { ConnectionConfigInfo } from '../domain/cim/model';
import type { ConnectionEventsOutbox } from '../store/cim';

export const CONNECTION_REGISTERED = 'cb.spider.connection.registered';
export const CONNECTION_DELETED = 'cb.spider.connection.deleted';

/**
 * `cb.spider.connection.registered` on every register (a re-register may change the config, and
 * consumers such as mc-meta's sync are idempotent), `cb.spider.connection.deleted` when a config goes.
 */
export const connectionEventsOutbox: ConnectionEventsOutbox = {
  async registered(em: EntityManager, config: ConnectionConfigInfo) {
    await enqueueEvent(
      em,
      CONNECTION_REGISTERED,
      create(events.ConnectionRegisteredSchema, {
        configName: config.ConfigName,
        providerName: config.ProviderName,
        driverName: config.DriverName,
        credentialName: config.CredentialName,
        regionName: config.RegionName,
      }),
    );
  },
  async deleted(em: EntityManager, config: ConnectionConfigInfo) {
    await enqueueEvent(
      em,
      CONNECTION_DELETED,
      create(events.ConnectionDeletedSchema, { configName: config.ConfigName, providerName: config.ProviderName }),
    );
  },
};
