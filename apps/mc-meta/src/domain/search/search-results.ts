export type Facets = Record<string, { value: string; count: number }[]>;

/**
 * What every search answers: a page of items, the total (exact up to a cap; past it an estimate for image keyword
 * searches, a lower bound elsewhere), the next cursor, facet counts.
 */
export interface SearchPage<T> {
  items: T[];
  total: number;
  totalExact: boolean;
  nextCursor?: string;
  facets?: Facets;
}

/** Knobs the store needs from configuration. */
export interface SearchLimits {
  /** Matches counted before `total` stops being exact (see total-estimate.ts). */
  countCap: number;
  /** Search statements running at once (MCMETA_SEARCH_CONCURRENCY). */
  concurrency: number;
  /**
   * Index entries an image keyword search walks in list order per match it wants before it reads the keyword's
   * matches through the GIN index instead (MCMETA_KEYWORD_WALK; see image-search.ts).
   */
  walkPerMatch: number;
}
