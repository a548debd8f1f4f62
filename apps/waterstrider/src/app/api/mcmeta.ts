import type { ImagesQuery, SearchPage, SpecsQuery, StatsQuery } from './generated/mcmeta';
import type { Request } from './http';

export type { ImagesQuery, SearchPage, SpecsQuery, StatsQuery };

export interface StatsSeries {
  key: string;
  points: Array<{ period: string; count: number }>;
}

const base = '/mcmeta';

export function mcMetaApi(request: Request) {
  return {
    images: (query: ImagesQuery) => request<SearchPage>('GET', `${base}/images`, { query: { ...query } }),
    specs: (query: SpecsQuery) => request<SearchPage>('GET', `${base}/specs`, { query: { ...query } }),
    stats: (query: StatsQuery) =>
      request<{ kind: string; series: StatsSeries[] }>('GET', `${base}/stats`, { query: { ...query } }),
    sync: () => request<{ id: string }>('POST', `${base}/sync`, { body: {} }),
  };
}
export type McMetaApi = ReturnType<typeof mcMetaApi>;
