import type { SqlBuilder } from './sql-builder';
import { tokenMask } from '../word-mask';
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
 * test row by row, so an ordered index walk can filter with it too). Answers the same conditions as a walk tests
 * them (`true` without a keyword): each token's words are tested only where the entry's mask has a bit of theirs
 * (word-mask.ts). The mask test sits inside a CASE so that it comes first: as separate conditions the planner would
 * order the array test, the cheaper by its estimate, before it.
 */
export async function addWordKeyword(
  sql: SqlBuilder,
  q: string | undefined,
  expander: WordExpander,
  wordsColumn: string,
  maskColumn: string,
): Promise<string> {
  const walk: string[] = [];
  for (const token of keywordTokens(q)) {
    const words = await expander.expand(token);
    const test = `${wordsColumn} && ${sql.param(words)}::text[]`;
    sql.where(test);
    const mask = tokenMask(words);
    walk.push(
      mask === undefined ? test : `CASE WHEN (${maskColumn} & ${sql.param(mask)}::bigint) <> 0 THEN ${test} END`,
    );
  }
  return walk.length ? walk.join(' AND ') : 'true';
}
