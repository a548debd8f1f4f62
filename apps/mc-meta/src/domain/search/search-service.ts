import {
  imageQuerySchema,
  parseQuery,
  priceQuerySchema,
  regionQuerySchema,
  specQuerySchema,
  type ImageQuery,
  type PriceQuery,
  type RegionQuery,
  type SpecQuery,
} from './search-queries';
import type { SearchPage } from './search-results';

/** The catalog's read side, as the store answers it. */
export interface CatalogSearchPort {
  images(query: ImageQuery): Promise<SearchPage<object>>;
  specs(query: SpecQuery): Promise<SearchPage<object>>;
  prices(query: PriceQuery): Promise<SearchPage<object>>;
  regions(query: RegionQuery): Promise<SearchPage<object>>;
}

/** Validates raw parameters (query string or gRPC fields) and runs the search; bad input never reaches SQL. */
export class SearchService {
  constructor(private readonly catalog: CatalogSearchPort) {}

  images(input: Record<string, unknown>) {
    return this.catalog.images(parseQuery(imageQuerySchema, input));
  }

  specs(input: Record<string, unknown>) {
    return this.catalog.specs(parseQuery(specQuerySchema, input));
  }

  prices(input: Record<string, unknown>) {
    return this.catalog.prices(parseQuery(priceQuerySchema, input));
  }

  regions(input: Record<string, unknown>) {
    return this.catalog.regions(parseQuery(regionQuerySchema, input));
  }
}
