import type { SqlBuilder } from './sql-builder';
import type { WordExpander } from './word-expander';

const MAX_TOKENS = 8;

/**
 * `ubunt 22.04` → ['ubunt', '22.04']: lower-cased words split as the catalog's words are (on anything but
 * letters, digits and dots, so versions and names like c5.large stay whole), duplicates and empties dropped.
 */
export function keywordTokens(q: string | undefined): string[] {
  if (!q) return [];
  const tokens = q
    .toLowerCase()
    .split(/[^a-z0-9.]+/)
    .filter(Boolean);
  return [...new Set(tokens)].slice(0, MAX_TOKENS);
}

const escapeLike = (token: string) => token.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Every token must match the record's search text: as a substring (`ubunt` finds ubuntu, served by the trigram
 * index) or, for a token of 4+ characters with a typo, by pg_trgm word similarity (`ubnutu`, `debain`).
 */
export function addKeyword(sql: SqlBuilder, column: string, q: string | undefined): void {
  for (const token of keywordTokens(q)) {
    const like = `${column} LIKE ${sql.param(`%${escapeLike(token)}%`)}`;
    sql.where(token.length >= 4 ? `(${like} OR ${sql.param(token)} <% ${column})` : like);
  }
}

/**
 * Images: each token must match one of its expansions as a whole word (GIN over the words array, and cheap to
 * test row by row, so an ordered index walk can filter with it too).
 */
export async function addWordKeyword(
  sql: SqlBuilder,
  q: string | undefined,
  expander: WordExpander,
  wordsColumn: string,
): Promise<void> {
  for (const token of keywordTokens(q)) {
    sql.where(`${wordsColumn} && ${sql.param(await expander.expand(token))}::text[]`);
  }
}
