import { InvalidArgumentError, NotFoundError } from '@cb/errors';
import { parseBody, parseQuery } from '@cb/http';
import { type Request, Router } from 'express';
import { z } from 'zod';
import type { TumblebugDeps } from '../../deps';
import type { CloudResourceReq } from '../../domain/resources/resource-requests';
import { isResourceType, RESOURCE_TYPES, type ResourceType } from '../../domain/resources/resource-types';
import { ListQuery } from './app-input';
import * as schemas from './resources-schemas';

const typeOf = (req: Request): ResourceType => {
  const type = String(req.params.resourceType);
  if (!isResourceType(type))
    throw new NotFoundError(`resourceType: '${type.slice(0, 40)}' is not one of ${RESOURCE_TYPES.join(', ')}`);
  return type;
};

const CloudRequests: Record<Exclude<ResourceType, 'spec' | 'image'>, z.ZodType> = {
  vNet: schemas.VNetReq,
  securityGroup: schemas.SecurityGroupReq,
  sshKey: schemas.SshKeyReq,
  dataDisk: schemas.DataDiskReq,
  customImage: schemas.CustomImageReq,
};

const CreateQuery = z.object({ option: z.string().optional(), action: z.string().optional() });
const DeleteQuery = z.object({
  option: z.string().optional(),
  action: z.string().optional(),
  match: z.string().optional(),
});

/** MCIR under /ns/{nsId}/resources/{type}: create (through spider) or register, list, get, delete, delete all. */
export function resourceRoutes({ resources, openapi }: TumblebugDeps): Router {
  const router = Router();

  const create = async (req: Request, resourceType: ResourceType, register: boolean) => {
    const nsId = String(req.params.nsId);
    if (resourceType === 'spec') {
      const body = parseBody(req, schemas.SpecReq);
      return resources.specsAndImages.register('spec', nsId, { ...body, cspName: body.cspSpecName });
    }
    if (resourceType === 'image') {
      const body = parseBody(req, schemas.ImageReq);
      const cspName = body.cspImageName || body.cspImageId;
      if (!cspName) throw new InvalidArgumentError('cspImageName: is required');
      return resources.specsAndImages.register('image', nsId, { ...body, cspName });
    }
    const body = parseBody(req, CloudRequests[resourceType]);
    return resources.create(nsId, { resourceType, req: body } as CloudResourceReq, register);
  };

  router.post('/ns/:nsId/resources/:resourceType', async (req, res) => {
    const resourceType = typeOf(req);
    const { option } = parseQuery(req, CreateQuery);
    const info = await create(req, resourceType, option === 'register');
    res.status(resourceType === 'vNet' ? 201 : 200).json(info); // upstream: 201 for vNet only
  });
  router.post('/ns/:nsId/registerCspResource/vNet', async (req, res) => {
    res.status(201).json(await create(req, 'vNet', true));
  });
  router.get('/ns/:nsId/resources/:resourceType', async (req, res) => {
    const resourceType = typeOf(req);
    const { option, filterKey, filterVal } = parseQuery(req, ListQuery);
    const filter = filterKey ? { key: filterKey, value: filterVal ?? '' } : undefined;
    const list = await resources.list(String(req.params.nsId), resourceType, filter);
    res.json(option === 'id' ? { output: list.map((info) => info.id) } : { [resourceType]: list });
  });
  router.get('/ns/:nsId/resources/:resourceType/:resourceId', async (req, res) => {
    res.json(await resources.get(String(req.params.nsId), typeOf(req), String(req.params.resourceId)));
  });
  router.delete('/ns/:nsId/resources/:resourceType/:resourceId', async (req, res) => {
    const resourceType = typeOf(req);
    const { option, action } = parseQuery(req, DeleteQuery);
    const force = option === 'force' || action === 'force';
    await resources.delete(String(req.params.nsId), resourceType, String(req.params.resourceId), { force });
    res.json({ message: `The ${resourceType} ${req.params.resourceId} has been deleted` });
  });
  router.delete('/ns/:nsId/deregisterResource/:resourceType/:resourceId', async (req, res) => {
    const resourceType = typeOf(req);
    await resources.deregister(String(req.params.nsId), resourceType, String(req.params.resourceId));
    res.json({ message: `The ${resourceType} ${req.params.resourceId} has been deregistered` });
  });
  router.delete('/ns/:nsId/resources/:resourceType', async (req, res) => {
    const { match } = parseQuery(req, DeleteQuery);
    const results = await resources.deleteAll(String(req.params.nsId), typeOf(req), match ?? '');
    const successCount = results.filter((r) => r.success).length;
    res.json({ total: results.length, successCount, failedCount: results.length - successCount, results });
  });

  const params = z.object({ nsId: z.string(), resourceType: z.enum(RESOURCE_TYPES) });
  const tags = ['resources'];
  openapi
    .add({
      method: 'post',
      path: '/ns/:nsId/resources/:resourceType',
      tags,
      params,
      query: CreateQuery,
      body: z.union([
        schemas.VNetReq,
        schemas.SecurityGroupReq,
        schemas.SshKeyReq,
        schemas.DataDiskReq,
        schemas.CustomImageReq,
        schemas.SpecReq,
        schemas.ImageReq,
      ]),
      responses: {
        200: { description: 'the Info object' },
        201: { description: 'vNet created' },
        409: { description: 'duplicate' },
      },
    })
    .add({
      method: 'post',
      path: '/ns/:nsId/registerCspResource/vNet',
      tags,
      params: z.object({ nsId: z.string() }),
      body: schemas.VNetReq,
      responses: { 201: { description: 'VNetInfo' } },
    })
    .add({
      method: 'get',
      path: '/ns/:nsId/resources/:resourceType',
      tags,
      params,
      query: ListQuery,
      responses: { 200: { description: '{<type>:[Info]} or {output:[ids]}' } },
    })
    .add({
      method: 'delete',
      path: '/ns/:nsId/deregisterResource/:resourceType/:resourceId',
      summary: 'Forget a resource in tumblebug and spider; the cloud keeps it',
      tags,
      params: params.extend({ resourceId: z.string() }),
      responses: {
        200: { description: 'deregistered' },
        404: { description: 'unknown' },
        409: { description: 'in use by a VM' },
      },
    })
    .add({
      method: 'delete',
      path: '/ns/:nsId/resources/:resourceType',
      tags,
      params,
      query: DeleteQuery,
      responses: { 200: { description: 'ResourceDeleteResults' } },
    })
    .add({
      method: 'get',
      path: '/ns/:nsId/resources/:resourceType/:resourceId',
      tags,
      params: params.extend({ resourceId: z.string() }),
      responses: { 200: { description: 'the Info object' }, 404: { description: 'unknown' } },
    })
    .add({
      method: 'delete',
      path: '/ns/:nsId/resources/:resourceType/:resourceId',
      tags,
      params: params.extend({ resourceId: z.string() }),
      query: DeleteQuery,
      responses: { 200: { description: 'deleted' }, 409: { description: 'in use' } },
    });
  return router;
}
