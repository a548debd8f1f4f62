export type Facets = Record<string, { value: string; count: number }[]>;

/** What every search answers: a page of items, the total (exact up to a cap), the next cursor, facet counts. */
export interface SearchPage<T> {
  items: T[];
  total: number;
  totalExact: boolean;
  nextCursor?: string;
  facets?: Facets;
}

/** Knobs the store needs from configuration. */
export interface SearchLimits {
  /** Matches counted before `total` stops being exact. */
  countCap: number;
  /** Search statements running at once (MCMETA_SEARCH_CONCURRENCY). */
  concurrency: number;
}
