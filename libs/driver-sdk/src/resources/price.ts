import type { VMSpecInfo } from './vm-spec';

export interface PriceMeta {
  Version: string;
  Description: string;
}

export interface ProductInfo {
  ProductId: string;
  /** Set in simple mode instead of VMSpecInfo. */
  VMSpecName?: string;
  VMSpecInfo?: VMSpecInfo;
  Description: string;
  CSPProductInfo?: unknown;
}

export interface OnDemandInfo {
  PricingId: string;
  Unit: string;
  Currency: string;
  Price: string;
  Description: string;
}

export interface PriceInfo {
  OnDemand: OnDemandInfo;
  CSPPriceInfo?: unknown;
}

export interface Price {
  ZoneName: string;
  ProductInfo: ProductInfo;
  PriceInfo: PriceInfo;
}

export interface CloudPrice {
  Meta: PriceMeta;
  CloudName: string;
  RegionName: string;
  PriceList: Price[];
}

/** CloudPrice whose list streams, so a region with thousands of products is never held at once. */
export interface CloudPriceStream extends Omit<CloudPrice, 'PriceList'> {
  PriceList: AsyncIterable<Price>;
}
