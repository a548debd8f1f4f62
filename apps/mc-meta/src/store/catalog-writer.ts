import type { DataSource } from 'typeorm';
import type { CatalogKind, SourceConnection } from '../domain/source/metadata-source';
import type { CatalogWriter, MergeCounts } from '../domain/sync/ports';
import { CATALOG_TABLES } from './catalog-tables';
import { buildDeferredIndexes, deferIndexesForFirstLoad } from './deferred-indexes';
import { REFRESH_IMAGE_COUNTS } from './image-counts';
import { mergeStatements, type MergeStatements } from './merge-sql';
import { PRICED_KINDS, REFRESH_SPEC_PRICES } from './spec-prices';
import { wordMask } from './word-mask';

const SQL = Object.fromEntries(
  Object.values(CATALOG_TABLES).map((table) => [table.kind, mergeStatements(table)]),
) as Record<CatalogKind, MergeStatements>;

/**
 * Applies a listing to the catalog in one transaction, batch by batch as it streams in (one JSON array per round
 * trip, keyed and merged by PostgreSQL), then marks what the listing no longer has. A crash or a failed
 * stream rolls everything back: the catalog stays as it was and the task simply runs again. Searches never wait:
 * the merge locks only the rows it writes.
 */
export class PgCatalogWriter implements CatalogWriter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly batchSize = 5_000,
  ) {}

  async write(
    taskId: string,
    connection: SourceConnection,
    kind: CatalogKind,
    records: AsyncIterable<unknown>,
    onStaged?: (received: number) => void,
  ): Promise<MergeCounts> {
    const sql = SQL[kind];
    const { table, keyOf, words: wordsOf } = CATALOG_TABLES[kind];
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      try {
        // Two syncs of the same connection and kind take turns (specs and prices too: see spec-prices.ts); other
        // connections and searches go on.
        const turn = PRICED_KINDS.has(kind) ? 'specs+prices' : kind;
        await runner.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`${connection.name}|${turn}`]);
        // A lost commit on a crash only means the task runs again (its run is not marked done before this commits).
        await runner.query(`SET LOCAL synchronous_commit = off`);
        await runner.query(`SET LOCAL work_mem = '64MB'`);
        const [{ known }] = await runner.query(
          `SELECT EXISTS (SELECT 1 FROM ${table} WHERE connection_name = $1) AS known`,
          [connection.name],
        );
        const counts: MergeCounts = { received: 0, added: 0, changed: 0, removed: 0 };
        const params = [connection.name, connection.provider, connection.region, taskId];
        // Every key listed so far: a record listed again (or without a key) is skipped, so the first listing wins.
        const listed = new Set<string>();
        let batch: string[] = [];
        let keys: string[] = [];
        let lines: string[] = [];
        const taskWords = new Set<string>();
        // One batch at the database while the next is read and serialised: the source, this process and
        // PostgreSQL work side by side instead of in turns.
        let merging: Promise<void> = Promise.resolve();
        const flush = async () => {
          if (batch.length === 0) return;
          const batchParams = [...params, `[${batch.join(',')}]`, JSON.stringify(keys)];
          if (wordsOf) batchParams.push(lines.join('\n'));
          const size = batch.length;
          batch = [];
          keys = [];
          lines = [];
          await merging;
          merging = runner.query(known ? sql.mergeBatch : sql.insertBatch, batchParams).then(([merged]) => {
            counts.received += size;
            counts.added += merged.added;
            counts.changed += merged.changed;
            onStaged?.(counts.received);
          });
          // A failed merge is thrown by the next flush (or after the listing): not unhandled meanwhile.
          merging.catch(() => undefined);
        };
        for await (const record of records) {
          const key = keyOf(record);
          if (key === undefined || listed.has(key)) continue;
          listed.add(key);
          keys.push(key);
          batch.push(JSON.stringify(record));
          if (wordsOf) {
            const words = wordsOf(record);
            lines.push(`${wordMask(words)}\t${words.join(' ')}`);
            for (const word of words) taskWords.add(word);
          }
          if (batch.length >= this.batchSize) await flush();
        }
        await flush();
        await merging;
        if (known) {
          [{ removed: counts.removed }] = await runner.query(sql.removeVanished, [
            connection.name,
            taskId,
            JSON.stringify([...listed]),
          ]);
        }
        if (sql.addVocabulary && taskWords.size > 0) await runner.query(sql.addVocabulary, [[...taskWords].join(' ')]);
        if (PRICED_KINDS.has(kind)) await runner.query(REFRESH_SPEC_PRICES, [connection.name]);
        if (kind === 'images' && (counts.added || counts.changed || counts.removed)) {
          for (const statement of REFRESH_IMAGE_COUNTS) await runner.query(statement, [connection.name]);
        }
        await runner.commitTransaction();
        return counts;
      } catch (error) {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        throw error;
      }
    } finally {
      await runner.release();
    }
  }

  async beginRun(): Promise<void> {
    await deferIndexesForFirstLoad(this.dataSource);
  }

  /**
   * After a run: the deferred index built, fresh planner statistics, and VACUUM marks the written pages
   * all-visible (and sets their hint bits), so image searches walk their covering indexes without visiting the table.
   */
  async endRun(): Promise<void> {
    await buildDeferredIndexes(this.dataSource);
    for (const table of Object.values(CATALOG_TABLES)) await this.dataSource.query(`VACUUM (ANALYZE) ${table.table}`);
  }
}
