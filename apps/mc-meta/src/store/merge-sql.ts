import { VOCABULARY_WORD, type CatalogTable } from './catalog-tables';

/**
 * The statements a sync task runs, in one transaction, for one kind's table. Parameters of the batch statements:
 * $1 connection, $2 provider, $3 region, $4 sync task id, $5 a JSON array of records, $6 a JSON array of their keys
 * (in the same order; each key at most once in the task, see CatalogTable.keyOf) and, for a table with `words`, $7
 * the records' words (a line per record in the same order, joined by line breaks: see CatalogTable.words).
 */
export interface MergeStatements {
  /** A batch when the connection has records in the table already: insert new, update changed or returning. */
  mergeBatch: string;
  /** A batch of the connection's first listing: nothing to compare with and nothing to mark vanished: inserts. */
  insertBatch: string;
  /**
   * After the last batch ($1 connection, $2 task id, $3 a JSON array of every key listed): mark and log the records
   * the listing no longer has.
   */
  removeVanished: string;
  /** After the last batch ($1 the task's distinct words, space-separated): they join the vocabulary (see below). */
  addVocabulary?: string;
}

/** The batch's records with their keys (compared byte by byte, as the tables' keys are) and words. */
function batchCte(table: CatalogTable): string {
  const [words, lines] = table.words ? [', line', `, string_to_table($7, E'\\n')`] : ['', ''];
  return `batch AS (
  SELECT k COLLATE "C" AS k, d${words}
  FROM ROWS FROM (jsonb_array_elements($5::jsonb), json_array_elements_text($6::json)${lines}) AS b(d, k${words})
)`;
}

function insertColumns(table: CatalogTable): { names: string; values: string; updates: string } {
  const columns = Object.keys(table.columns);
  return {
    names: `connection_name, provider, record_key, doc, ${columns.join(', ')}`,
    values: `$1, $2, k, d, ${columns.map((column) => table.columns[column]).join(',\n    ')}`,
    updates: columns.map((column) => `${column} = excluded.${column}`).join(', '),
  };
}

/** Every change is logged. (`region` types $3 for a table whose columns do not use it.) */
function logged(table: CatalogTable): string {
  return `, logged AS (
  INSERT INTO record_change (task_id, kind, record_id, change)
  SELECT $4::bigint, '${table.kind}', id, CASE WHEN inserted THEN 'added' ELSE 'changed' END FROM up
)
SELECT (SELECT count(*) FROM up WHERE inserted)::int AS added,
       (SELECT count(*) FROM up WHERE NOT inserted)::int AS changed,
       $3::text AS region`;
}

export function mergeStatements(table: CatalogTable): MergeStatements {
  const { names, values, updates } = insertColumns(table);
  const returning = `RETURNING t.id, (t.xmax = 0) AS inserted`;
  return {
    // Unchanged rows are not touched, so a re-sync of an unchanged catalog writes nothing. A record has changed when
    // its document has (jsonb equality: the same keys and values, whatever their order or spacing in the listing).
    mergeBatch: `WITH ${batchCte(table)}, up AS (
  INSERT INTO ${table.table} AS t (${names})
  SELECT ${values}
  FROM batch
  ON CONFLICT (connection_name, record_key) DO UPDATE SET
    provider = excluded.provider, doc = excluded.doc,
    ${updates}, updated_at = now(), removed_at = NULL
  WHERE t.doc <> excluded.doc OR t.removed_at IS NOT NULL${
    // The region comes from the connection, not the record: a connection now known to be elsewhere moves it.
    'region' in table.columns ? ' OR t.region IS DISTINCT FROM excluded.region' : ''
  }
  ${returning}
)${logged(table)}`,
    // No conflict to look for: the connection has no record in the table (its task holds the connection's and kind's
    // lock) and the batch's keys are new to the task. A plain insert spares each row the probe of the key index an
    // ON CONFLICT makes before the insert's own (about 7 % of a first load's database samples).
    insertBatch: `WITH ${batchCte(table)}, up AS (
  INSERT INTO ${table.table} AS t (${names})
  SELECT ${values}
  FROM batch
  ${returning}
)${logged(table)}`,
    removeVanished: `WITH listed AS MATERIALIZED (
  SELECT k COLLATE "C" AS k FROM json_array_elements_text($3::json) AS l(k)
), gone AS (
  UPDATE ${table.table} t SET removed_at = now()
  WHERE t.connection_name = $1 AND t.removed_at IS NULL
    AND NOT EXISTS (SELECT 1 FROM listed l WHERE l.k = t.record_key)
  RETURNING t.id
), logged AS (
  INSERT INTO record_change (task_id, kind, record_id, change) SELECT $2::bigint, '${table.kind}', id, 'removed' FROM gone
)
SELECT count(*)::int AS removed FROM gone`,
    // The words of every record listed, not only of new and changed ones: collected by the sync process (a set of a
    // few thousand words per task), so PostgreSQL no longer unnests and filters each batch's words (about a seventh
    // of a first load's database CPU). Words already known are skipped by their index. Concurrent syncs insert
    // shared words in one order and in one statement each, so they may wait for each other but never deadlock.
    addVocabulary: table.words
      ? `INSERT INTO search_word (word) SELECT w FROM string_to_table($1, ' ') w WHERE ${VOCABULARY_WORD}
         ORDER BY w ON CONFLICT DO NOTHING`
      : undefined,
  };
}
