/**
 * Live images counted per connection and per value of every image filter (provider, region, os, arch, platform,
 * status): a few thousand rows for a million images. Kept by the sync, in the same transaction as the images task
 * that changed the connection's images, so a search without a keyword answers its exact total and facet counts
 * from here in the same snapshot as its page, instead of counting matches one index entry at a time.
 */
const IMAGE_COUNT_COLUMNS = [
  'connection_name',
  'provider',
  'region',
  'os_family',
  'os_architecture',
  'os_platform',
  'status',
] as const;

const GROUPED = IMAGE_COUNT_COLUMNS.join(', ');

/**
 * The counts of one connection ($1), counted again from its live images. The connection's rows are found through
 * its key index alone and the removed ones skipped while counting: with `removed_at IS NULL` in the WHERE clause the
 * planner ANDed in a bitmap of every live image of the region index (the whole catalog's, for each task).
 */
export const REFRESH_IMAGE_COUNTS = [
  `DELETE FROM image_count WHERE connection_name = $1`,
  `INSERT INTO image_count (${GROUPED}, n)
   SELECT ${GROUPED}, count(*) FILTER (WHERE removed_at IS NULL)::int AS n FROM image WHERE connection_name = $1
   GROUP BY ${GROUPED} HAVING count(*) FILTER (WHERE removed_at IS NULL) > 0`,
];

/**
 * The exact total and facet counts (per asked facet: `column` of FACETS, largest first, at most 100 values) of the
 * live images `where` selects, as one row `(total, facets)`; `where` may name only the columns above.
 */
export function exactCountsSql(
  where: string,
  facetColumns: Record<string, string>,
  asked: string[] | undefined,
): string {
  const facet = (name: string) => `'${name}', (SELECT coalesce(jsonb_agg(jsonb_build_object('value', value,
      'count', count) ORDER BY count DESC, value), '[]') FROM (SELECT ${facetColumns[name]} AS value, sum(n)::int AS count
      FROM image_count ${where} GROUP BY 1 ORDER BY count DESC, value LIMIT 100) counted)`;
  const facets = asked?.length ? `jsonb_build_object(${asked.map(facet).join(', ')})` : 'NULL::jsonb';
  return `SELECT (SELECT coalesce(sum(n), 0)::int FROM image_count ${where}) AS total, ${facets} AS facets`;
}
