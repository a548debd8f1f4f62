import type { DataSource } from 'typeorm';

/** The columns image filters test, carried in the list-order indexes (`words` and `word_mask` for keywords). */
export const IMAGE_FILTER_COLUMNS =
  'provider, connection_name, os_family, os_architecture, os_platform, status, words, word_mask';

/**
 * The list-order index: every image search without a region walks it. Its order interleaves all connections, so
 * one connection's inserts land all over it; once it outgrows the buffer cache each insert dirties a page of its
 * own, and a first load of 1.2 M images spends about a fifth of its database CPU keeping it (measured: 79 → 62
 * CPU-s end to end without it). Built in one sorted pass it costs ~3 s. So a run that starts on an empty catalog
 * drops it and builds it when its tasks are done, as a bulk restore builds indexes after the data.
 */
export const LIST_ORDER_INDEX = `CREATE INDEX IF NOT EXISTS ix_image_order ON image (list_order, id)
  INCLUDE (region, ${IMAGE_FILTER_COLUMNS}) WHERE removed_at IS NULL`;

/** One run at a time decides and builds: runs of several processes share the catalog. */
const LOCK = `SELECT pg_advisory_xact_lock(hashtextextended('mc-meta deferred indexes', 0))`;

/** Before a run: on an empty catalog, the list-order index is dropped (a first load; nothing to search yet). */
export async function deferIndexesForFirstLoad(ds: DataSource): Promise<void> {
  await ds.transaction(async (em) => {
    await em.query(LOCK);
    const [{ empty }] = await em.query(`SELECT NOT EXISTS (SELECT 1 FROM image) AS empty`);
    if (empty) await em.query(`DROP INDEX IF EXISTS ix_image_order`);
  });
}

/**
 * After a run (and when a process starts, for a run that died deferred): builds the list-order index when it is
 * missing. Blocks catalog writes (not searches) for the seconds the build takes.
 */
export async function buildDeferredIndexes(ds: DataSource): Promise<void> {
  await ds.transaction(async (em) => {
    await em.query(LOCK);
    const [{ missing }] = await em.query(`SELECT to_regclass('ix_image_order') IS NULL AS missing`);
    if (!missing) return;
    await em.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    await em.query(LIST_ORDER_INDEX);
  });
}
