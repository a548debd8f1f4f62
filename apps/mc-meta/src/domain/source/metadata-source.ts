import type { ImageInfo, Price, RegionZoneInfo, VMSpecInfo } from '@cb/driver-sdk';

/** A connection whose catalog mc-meta keeps: spider's connection config, reduced to what search needs. */
export interface SourceConnection {
  /** spider's ConfigName, unique. */
  name: string;
  /** Lower-case cloud name used for filtering (aws, gcp, azure, mock, ...). */
  provider: string;
  region: string;
  zone?: string;
}

/** A price as spider lists it, with the product family it was listed under (spider answers per family). */
export interface SourcePrice extends Price {
  ProductFamily: string;
  RegionName: string;
}

/** A product family (service catalog entry) of one region. */
export interface SourceProductFamily {
  RegionName: string;
  Name: string;
}

/**
 * Where catalog records come from. The sync engine knows only this: spider over gRPC in production,
 * a driver read in place for benchmarks of the engine alone. Every list streams, so a region with a
 * million images is never held in memory.
 */
export interface MetadataSource {
  listConnections(): Promise<SourceConnection[]>;
  regions(connection: SourceConnection): AsyncIterable<RegionZoneInfo>;
  images(connection: SourceConnection): AsyncIterable<ImageInfo>;
  specs(connection: SourceConnection): AsyncIterable<VMSpecInfo>;
  prices(connection: SourceConnection): AsyncIterable<SourcePrice>;
  productFamilies(connection: SourceConnection): AsyncIterable<SourceProductFamily>;
}

export const CATALOG_KINDS = ['regions', 'images', 'specs', 'prices', 'productFamilies'] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];
