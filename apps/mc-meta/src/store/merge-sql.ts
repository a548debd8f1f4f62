import { VOCABULARY_WORD, type CatalogTable } from './catalog-tables';

/**
 * The statements a sync task runs, in one transaction, for one kind's table. Parameters of the batch statements:
 * $1 connection, $2 provider, $3 region, $4 sync task id, $5 a JSON array of records and, for a table with
 * `words`, $6 the records' words (space-separated, a line per record in the same order, joined by line breaks).
 */
export interface MergeStatements {
  /** A session-private table of a task that merges: the keys listed so far. */
  prepare: string[];
  /** A batch when the connection has records in the table already: insert new, update changed or returning. */
  mergeBatch: string;
  /**
   * A batch of the connection's first listing: nothing to compare with and nothing to mark vanished, so plain
   * inserts that skip a key an earlier batch wrote.
   */
  insertBatch: string;
  /** After the last batch ($1 connection, $2 task id): mark and log the records the listing no longer has. */
  removeVanished: string;
  /** After the last batch ($1 the task's distinct words, space-separated): they join the vocabulary (see below). */
  addVocabulary?: string;
}

/**
 * The batch's records (and lines) with their keys (compared byte by byte, as the tables' keys are) and their
 * places in the batch (`n`).
 */
function keyed(table: CatalogTable): string {
  return table.words
    ? `SELECT (${table.key}) COLLATE "C" AS k, d, line, n
       FROM ROWS FROM (jsonb_array_elements($5::jsonb), string_to_table($6, E'\\n')) WITH ORDINALITY AS b(d, line, n)`
    : `SELECT (${table.key}) COLLATE "C" AS k, d, n FROM jsonb_array_elements($5::jsonb) WITH ORDINALITY AS b(d, n)`;
}

/**
 * The batch keyed and de-duplicated: the first listing of a record wins, in the batch (by place: a sort keeps no
 * order among equal keys) and across batches. Across batches, a key the task already listed is skipped: through
 * `listed`, which so ends up holding every key of the listing exactly once (what the vanished are told by), or,
 * in a first listing, where nothing can vanish, by the insert's conflict with the row the first listing wrote.
 */
function batchCtes(table: CatalogTable, first: boolean): string {
  const batch = `batch AS (
  SELECT DISTINCT ON (k) * FROM (${keyed(table)}) keyed WHERE k IS NOT NULL ORDER BY k, n
)`;
  return first
    ? `${batch}, src AS (SELECT * FROM batch)`
    : `${batch}, listed AS (
  INSERT INTO pg_temp.listed (k) SELECT k FROM batch ON CONFLICT DO NOTHING RETURNING k
), src AS (
  SELECT batch.* FROM batch JOIN listed USING (k)
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

/**
 * Every change is logged; `received` counts the batch's keys not listed before: `listed`'s, or in a first listing
 * (no key table) the rows written.
 */
function logged(table: CatalogTable, first: boolean): string {
  return `, logged AS (
  INSERT INTO record_change (task_id, kind, record_id, change)
  SELECT $4::bigint, '${table.kind}', id, CASE WHEN inserted THEN 'added' ELSE 'changed' END FROM up
)
SELECT (SELECT count(*) FROM ${first ? 'up' : 'listed'})::int AS received,
       (SELECT count(*) FROM up WHERE inserted)::int AS added,
       (SELECT count(*) FROM up WHERE NOT inserted)::int AS changed,
       $3::text AS region`;
}

export function mergeStatements(table: CatalogTable): MergeStatements {
  const { names, values, updates } = insertColumns(table);
  const returning = `RETURNING t.id, (t.xmax = 0) AS inserted`;
  return {
    prepare: [`CREATE TEMP TABLE listed (k text COLLATE "C" PRIMARY KEY) ON COMMIT DROP`],
    // Unchanged rows are not touched, so a re-sync of an unchanged catalog writes nothing. A record has changed when
    // its document has (jsonb equality: the same keys and values, whatever their order or spacing in the listing).
    mergeBatch: `WITH ${batchCtes(table, false)}, up AS (
  INSERT INTO ${table.table} AS t (${names})
  SELECT ${values}
  FROM src
  ON CONFLICT (connection_name, record_key) DO UPDATE SET
    provider = excluded.provider, doc = excluded.doc,
    ${updates}, updated_at = now(), removed_at = NULL
  WHERE t.doc <> excluded.doc OR t.removed_at IS NOT NULL${
    // The region comes from the connection, not the record: a connection now known to be elsewhere moves it.
    'region' in table.columns ? ' OR t.region IS DISTINCT FROM excluded.region' : ''
  }
  ${returning}
)${logged(table, false)}`,
    insertBatch: `WITH ${batchCtes(table, true)}, up AS (
  INSERT INTO ${table.table} AS t (${names})
  SELECT ${values}
  FROM src
  ON CONFLICT (connection_name, record_key) DO NOTHING
  ${returning}
)${logged(table, true)}`,
    removeVanished: `WITH gone AS (
  UPDATE ${table.table} t SET removed_at = now()
  WHERE t.connection_name = $1 AND t.removed_at IS NULL
    AND NOT EXISTS (SELECT 1 FROM pg_temp.listed l WHERE l.k = t.record_key)
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
