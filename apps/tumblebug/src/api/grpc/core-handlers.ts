import type { ServiceImpl } from '@cb/grpc';
import { InvalidArgumentError } from '@cb/errors';
import type { tumblebug } from '@cb/proto';
import type { TumblebugDeps } from '../../deps';
import { recommendSpecs } from '../../domain/recommend/recommend-specs';
import { isResourceType, RESOURCE_TYPES, type ResourceType } from '../../domain/resources/resource-types';
import { toJsonObject } from './mcis-messages';
import { requireId } from './mcis-requests';

type Impl = ServiceImpl<typeof tumblebug.TumblebugService>;
type CoreMethods =
  | 'createNamespace'
  | 'listNamespaces'
  | 'getNamespace'
  | 'updateNamespace'
  | 'deleteNamespace'
  | 'listConnections'
  | 'listResources'
  | 'getResource'
  | 'recommendSpec';

function resourceTypeOf(value: string): ResourceType {
  if (!isResourceType(value)) {
    throw new InvalidArgumentError(`resourceType: '${value.slice(0, 40)}' is not one of ${RESOURCE_TYPES.join(', ')}`, {
      field: 'resource_type',
    });
  }
  return value;
}

/** Namespaces, connections, MCIR and recommendSpec over gRPC: the same domain services as REST. */
export function coreHandlers({ namespaces, connections, resources }: TumblebugDeps): Pick<Impl, CoreMethods> {
  return {
    createNamespace: async ({ name, description }) => ({ namespace: await namespaces.create({ name, description }) }),
    listNamespaces: async () => ({ namespaces: await namespaces.list() }),
    getNamespace: async ({ nsId }) => ({ namespace: await namespaces.get(requireId(nsId, 'ns_id')) }),
    updateNamespace: async ({ nsId, name, description }) => ({
      // proto3 strings cannot be absent: empty keeps the current value.
      namespace: await namespaces.update(requireId(nsId, 'ns_id'), {
        name: name || undefined,
        description: description || undefined,
      }),
    }),
    deleteNamespace: async ({ nsId }) => {
      await namespaces.delete(requireId(nsId, 'ns_id'));
      return {};
    },

    listConnections: async () => ({
      connections: (await connections.list()).map((c) => ({
        ...c,
        latitude: c.latitude ?? undefined,
        longitude: c.longitude ?? undefined,
      })),
    }),

    listResources: async ({ nsId, resourceType, filterKey, filterValue }) => {
      const filter = filterKey ? { key: filterKey, value: filterValue } : undefined;
      const list = await resources.list(requireId(nsId, 'ns_id'), resourceTypeOf(resourceType), filter);
      return { resources: list.map(toJsonObject) };
    },
    getResource: async ({ nsId, resourceType, resourceId }) => {
      await namespaces.require(requireId(nsId, 'ns_id'));
      const type = resourceTypeOf(resourceType);
      return { resource: toJsonObject(await resources.get(nsId, type, requireId(resourceId, 'resource_id'))) };
    },

    recommendSpec: async ({ filter, priority, limit }) => {
      if (limit < 0) throw new InvalidArgumentError('limit must not be negative', { field: 'limit' });
      const ranked = await recommendSpecs(resources.specsAndImages, {
        filter: { policy: filter.map((p) => ({ metric: p.metric, condition: p.conditions })) },
        priority: {
          policy: priority.map((p) => ({
            metric: p.metric,
            parameter: p.parameters.map(({ key, values }) => ({ key, val: values })),
          })),
        },
        limit,
      });
      return {
        specs: ranked.map(({ recommendation, orderInFilteredResult: _order, ...spec }) => ({
          spec: toJsonObject(spec),
          rank: recommendation.rank,
          scoreParts: recommendation.scoreParts,
        })),
      };
    },
  };
}
