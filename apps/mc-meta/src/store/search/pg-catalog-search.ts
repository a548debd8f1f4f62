import type { DataSource } from 'typeorm';
import type { CatalogSearchPort } from '../../domain/search/search-service';
import type { ImageQuery, PriceQuery, RegionQuery, SpecQuery } from '../../domain/search/search-queries';
import type { SearchLimits } from '../../domain/search/search-results';
import { searchImages } from './image-search';
import { searchPrices } from './price-search';
import { searchRegions } from './region-search';
import { searchSpecs } from './spec-search';
import { poolClient, type SqlClient } from './sql-client';
import { WordExpander } from './word-expander';

export class PgCatalogSearch implements CatalogSearchPort {
  private readonly expander: WordExpander;
  private readonly db: SqlClient;

  constructor(
    ds: DataSource,
    private readonly limits: SearchLimits,
  ) {
    this.expander = new WordExpander(ds);
    this.db = poolClient(ds, limits.concurrency);
  }

  /** A sync finished: the vocabulary may have grown. */
  catalogChanged(): void {
    this.expander.invalidate();
  }

  images(query: ImageQuery) {
    return searchImages(this.db, query, this.limits, this.expander);
  }

  specs(query: SpecQuery) {
    return searchSpecs(this.db, query, this.limits);
  }

  prices(query: PriceQuery) {
    return searchPrices(this.db, query, this.limits);
  }

  regions(query: RegionQuery) {
    return searchRegions(this.db, query, this.limits);
  }
}
