import { enqueueEvent } from '@cb/events';
import type { EntityManager } from 'typeorm';
import type { DriverRelease } from '../domain/release';
import type { ReleaseEventsOutbox } from '../store/pg-release-store';

export const DRIVER_PUBLISHED = 'cb.hub.driver.published';
export const DRIVER_DELETED = 'cb.hub.driver.deleted';

/** cb.hub.driver.published / deleted, queued in the transaction that makes them true. */
export const releaseEventsOutbox: ReleaseEventsOutbox = {
  async published(em: EntityManager, release: DriverRelease) {
    const { name, version, provider } = release.manifest;
    await enqueueEvent(em, DRIVER_PUBLISHED, {
      name,
      version,
      provider,
      sha256: release.sha256,
      size: BigInt(release.size),
    });
  },
  async deleted(em: EntityManager, name: string, version?: string) {
    // An empty version means every version of the driver went.
    await enqueueEvent(em, DRIVER_DELETED, { name, version: version ?? '' });
  },
};
