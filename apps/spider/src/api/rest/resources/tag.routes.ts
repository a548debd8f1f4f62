import { InvalidArgumentError } from '@cb/errors';
import { Router, type Request } from 'express';
import type { ResourceRuntime } from '../../../domain/resources/resource-runtime';
import { resourceTypeLabel, resourceTypeOf, tags } from '../../../domain/resources/tag';
import { connectionNameOf, reqInfoOf } from './request';
import { tagAddSchema, tagTargetSchema } from './workload-schemas';

/**
 * Tag routes. As upstream, list and get read only the query (ConnectionName, ResourceType, ResourceName)
 * and answer 400 "Missing required query parameters" without them; a bad ResourceType is 400 too.
 */
export function tagRoutes(runtime: ResourceRuntime): Router {
  const router = Router();
  const scopeOf = (req: Request) => runtime.scope(connectionNameOf(req));

  router.post('/tag', async (req, res) => {
    const scope = await scopeOf(req);
    const { ResourceType, ResourceName, Tag } = reqInfoOf(req, tagAddSchema, 'TagAddRequest');
    res.json(await tags.add(scope, resourceTypeOf(ResourceType), ResourceName, Tag));
  });
  router.get('/tag', async (req, res) => {
    const { connection, type, name } = queryTarget(req);
    const resourceType = resourceTypeOf(type);
    const list = await tags.list(await runtime.scope(connection), resourceType, name);
    res.json({ tag: list, resourceType: resourceTypeLabel(resourceType) });
  });
  router.get('/tag/:Key', async (req, res) => {
    const { connection, type, name } = queryTarget(req);
    let resourceType;
    try {
      resourceType = resourceTypeOf(type);
    } catch {
      throw new InvalidArgumentError('Invalid resource type', { field: 'ResourceType' }); // upstream's get text
    }
    res.json(await tags.get(await runtime.scope(connection), resourceType, name, req.params.Key));
  });
  router.delete('/tag/:Key', async (req, res) => {
    const scope = await scopeOf(req);
    const { ResourceType, ResourceName } = reqInfoOf(req, tagTargetSchema, 'TagRemoveRequest');
    const removed = await tags.remove(scope, resourceTypeOf(ResourceType), ResourceName, req.params.Key);
    res.json({ Result: String(removed) });
  });
  return router;
}

function queryTarget(req: Request) {
  const text = (key: string) => (typeof req.query[key] === 'string' ? (req.query[key] as string).trim() : '');
  const target = { connection: text('ConnectionName'), type: text('ResourceType'), name: text('ResourceName') };
  if (!target.connection || !target.type || !target.name) {
    throw new InvalidArgumentError('Missing required query parameters', { field: 'query' });
  }
  return target;
}
