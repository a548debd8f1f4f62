// Generated from the CB-MC-Meta OpenAPI document (CB-MC-Meta ts-0.1.0)
// by scripts/gen-api-types.ts. Do not edit: regenerate.

export type SearchPage = {
  items: Array<{
    [key: string]: unknown;
  }>;
  total: number;
  /** false when a keyword search matched more than MCMETA_COUNT_CAP images: total (and facets) are then estimated from the first matches, to two significant digits (about 1/sqrt(cap) relative error), and never below what was counted; for specs, prices and regions total is then a lower bound. Image searches without a keyword always count exactly */
  totalExact: boolean;
  nextCursor?: string;
  facets?: {
    [key: string]: Array<{
      value: string;
      count: number;
    }>;
  };
};

/** Query of GET /images: Search images (keyword, provider, region, os, arch, platform, status) */
export interface ImagesQuery {
  q?: string;
  provider?: string;
  region?: string;
  connection?: string;
  limit?: number;
  cursor?: string;
  os?: string;
  arch?: string;
  platform?: string;
  status?: string;
  facets?: string;
}

/** Query of GET /specs: Search VM specs (vCPU / memory ranges, GPU, max price, sort) */
export interface SpecsQuery {
  q?: string;
  provider?: string;
  region?: string;
  connection?: string;
  limit?: number;
  cursor?: string;
  vcpuMin?: number;
  vcpuMax?: number;
  memMin?: number;
  memMax?: number;
  gpu?: 'true' | 'false';
  gpuModel?: string;
  priceMax?: number;
  sort?: 'name' | 'price' | 'vcpu' | 'mem';
  facets?: string;
}

/** Query of GET /prices: Search prices */
export interface PricesQuery {
  q?: string;
  provider?: string;
  region?: string;
  connection?: string;
  limit?: number;
  cursor?: string;
  spec?: string;
  productFamily?: string;
  currency?: string;
  priceMin?: number;
  priceMax?: number;
  facets?: string;
}

/** Query of GET /regions: Regions and zones per provider */
export interface RegionsQuery {
  q?: string;
  provider?: string;
  limit?: number;
  cursor?: string;
}

/** Query of GET /stats: Catalog counts over time, grouped, with growth */
export interface StatsQuery {
  kind?: 'images' | 'specs' | 'prices' | 'regions';
  groupBy?: 'provider' | 'region' | 'os';
  interval?: 'day' | 'month';
  provider?: string;
  region?: string;
  os?: string;
  from?: string;
  to?: string;
}
