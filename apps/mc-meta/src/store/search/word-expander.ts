import type { DataSource } from 'typeorm';
import { editDistance } from '../../domain/search/edit-distance';

/** More candidate words than this and a token is too unspecific to expand: it then matches only itself, whole. */
export const MAX_EXPANSION = 200;
const CACHE_SIZE = 2_000;
/** Another replica's sync may have grown the vocabulary; answers are not trusted longer than this. */
const CACHE_TTL_MS = 60_000;

/**
 * Turns a keyword token into the catalog words it stands for: itself, the words containing it (`ubunt` →
 * ubuntu) and the words one or two edits away (`debain` → debian), found through a trigram index over the
 * catalog's vocabulary (a few thousand words, not the millions of records). Answers are cached for a minute,
 * and dropped when a sync of this process finishes.
 */
export class WordExpander {
  private readonly cache = new Map<string, { words: string[]; at: number }>();

  constructor(
    private readonly ds: DataSource,
    private readonly now: () => number = Date.now,
  ) {}

  /** The words a token stands for (always at least itself). */
  async expand(token: string): Promise<string[]> {
    const cached = this.cache.get(token);
    if (cached && this.now() - cached.at < CACHE_TTL_MS) return cached.words;
    const words = await this.lookUp(token);
    this.cache.delete(token);
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(token, { words, at: this.now() });
    return words;
  }

  /** The vocabulary changed (a sync finished). */
  invalidate(): void {
    this.cache.clear();
  }

  private async lookUp(token: string): Promise<string[]> {
    const pattern = `%${token.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows: { word: string }[] = await this.ds.transaction(async (em) => {
      // A lower threshold than pg_trgm's 0.3 lets short words with a typo through; editDistance then decides.
      await em.query(`SET LOCAL pg_trgm.similarity_threshold = 0.2`);
      return em.query(
        `(SELECT word FROM search_word WHERE word LIKE $1 LIMIT ${MAX_EXPANSION + 1})
         UNION
         (SELECT word FROM search_word WHERE $2 ~ '^[a-z]{4,}$' AND word % $2 LIMIT 500)`,
        [pattern, token],
      );
    });
    // Versions and numbers are never "close": 22.04 must not find 20.04. Only words of letters get typo slack.
    const fuzzy = token.length >= 4 && /^[a-z]+$/.test(token);
    const maxEdits = token.length >= 7 ? 2 : 1;
    const words = rows
      .map((row) => row.word)
      .filter((word) => word.includes(token) || (fuzzy && editDistance(token, word, maxEdits) <= maxEdits));
    // `2022` is in hundreds of words (dates, builds); someone typing it means the version, the word itself.
    if (words.length > MAX_EXPANSION) return [token];
    return [...new Set([token, ...words])];
  }
}
