import type { JsonObject } from '@bufbuild/protobuf';
import type { ServiceImpl } from '@cb/grpc';
import type { CatalogKind } from '../../domain/source/metadata-source';
import { itemValue } from '../../domain/search/json-text';
import type { SearchPage } from '../../domain/search/search-results';
import type { SearchService } from '../../domain/search/search-service';
import type { StatsService } from '../../domain/stats/stats-service';
import type { SyncService } from '../../domain/sync/sync-service';
import { mcmeta } from '@cb/proto';

/** Plain JSON for a Struct field: drops undefined, turns dates into strings. */
const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as JsonObject;

function toPage(page: SearchPage<object>) {
  return {
    page: {
      items: page.items.map((item) => itemValue(item) as JsonObject),
      total: BigInt(page.total),
      totalExact: page.totalExact,
      nextCursor: page.nextCursor ?? '',
      facets: Object.entries(page.facets ?? {}).map(([name, values]) => ({
        name,
        values: values.map((v) => ({ value: v.value, count: BigInt(v.count) })),
      })),
    },
  };
}

/** proto3's zero values mean "not given", as an absent query parameter does. */
const common = (r: { limit?: number; facets?: string[] }) => ({
  limit: r.limit || undefined,
  facets: r.facets?.length ? r.facets.join(',') : undefined,
});

/** cb.mcmeta.v1.McMetaService over the same domain as REST, with the same validation and errors. */
export function mcMetaGrpcService(
  search: SearchService,
  stats: StatsService,
  sync: SyncService,
): ServiceImpl<typeof mcmeta.McMetaService> {
  return {
    searchImages: async ({ $typeName: _t, ...r }) => toPage(await search.images({ ...r, ...common(r) })),
    searchSpecs: async ({ $typeName: _t, ...r }) =>
      toPage(await search.specs({ ...r, ...common(r), gpu: r.gpu === undefined ? undefined : String(r.gpu) })),
    searchPrices: async ({ $typeName: _t, ...r }) => toPage(await search.prices({ ...r, ...common(r) })),
    listRegions: async ({ $typeName: _t, ...r }) => toPage(await search.regions({ ...r, limit: r.limit || undefined })),
    getStats: async ({ $typeName: _t, groupBy, ...r }) => {
      const { series } = await stats.stats({ ...r, groupBy });
      return {
        series: series.map((s) => ({
          key: s.key,
          points: s.points.map((p) => ({
            period: p.period,
            count: BigInt(p.count),
            growth: p.growth === null ? undefined : BigInt(p.growth),
            growthRate: p.growthRate ?? undefined,
          })),
        })),
      };
    },
    startSync: async ({ connectionName, kinds }) =>
      sync.start({ connectionName: connectionName || undefined, kinds: kinds as CatalogKind[] }, 'request'),
    getSync: async ({ id }) => ({ sync: json(await sync.get(id)) }),
  };
}
