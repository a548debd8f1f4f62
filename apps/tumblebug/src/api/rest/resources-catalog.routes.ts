import { parseBody } from '@cb/http';
import { Router } from 'express';
import type { TumblebugDeps } from '../../deps';
import { ConnectionReq, FetchOption, LookupImageReq, LookupSpecReq } from './resources-schemas';
import { InvalidArgumentError } from '@cb/errors';

/** Specs and images from spider: fetch into the system namespace, or look them up directly (raw spider shapes). */
export function catalogRoutes({ resources, openapi }: TumblebugDeps): Router {
  const router = Router();
  const catalog = resources.specsAndImages;
  router.post('/fetchSpecs', async (req, res) => {
    res.status(202).json(await catalog.fetchSpecs(parseBody(req, FetchOption)));
  });
  router.post('/fetchImages', async (req, res) => {
    res.status(202).json(await catalog.fetchImages(parseBody(req, FetchOption)));
  });
  router.post('/lookupSpec', async (req, res) => {
    const body = parseBody(req, LookupSpecReq);
    const name = body.cspResourceId || body.cspSpecName;
    if (!name) throw new InvalidArgumentError('cspResourceId: is required');
    res.json(await catalog.lookupSpec(body.connectionName, name));
  });
  router.post('/lookupSpecs', async (req, res) => {
    res.json({ vmspec: await catalog.lookupSpecs(parseBody(req, ConnectionReq).connectionName) });
  });
  router.post('/lookupImage', async (req, res) => {
    const body = parseBody(req, LookupImageReq);
    const name = body.cspImageName || body.cspResourceId;
    if (!name) throw new InvalidArgumentError('cspImageName: is required');
    res.json(await catalog.lookupImage(body.connectionName, name));
  });
  router.post('/lookupImages', async (req, res) => {
    res.json({ image: await catalog.lookupImages(parseBody(req, ConnectionReq).connectionName) });
  });

  const tags = ['spec and image'];
  openapi
    .add({
      method: 'post',
      path: '/fetchSpecs',
      tags,
      body: FetchOption,
      responses: { 202: { description: 'FetchSpecsAsyncResult (finished)' } },
    })
    .add({
      method: 'post',
      path: '/fetchImages',
      tags,
      body: FetchOption,
      responses: { 202: { description: 'FetchImagesAsyncResult (finished)' } },
    })
    .add({
      method: 'post',
      path: '/lookupSpec',
      tags,
      body: LookupSpecReq,
      responses: { 200: { description: 'SpiderSpecInfo' } },
    })
    .add({
      method: 'post',
      path: '/lookupSpecs',
      tags,
      body: ConnectionReq,
      responses: { 200: { description: '{vmspec:[SpiderSpecInfo]}' } },
    })
    .add({
      method: 'post',
      path: '/lookupImage',
      tags,
      body: LookupImageReq,
      responses: { 200: { description: 'SpiderImageInfo' } },
    })
    .add({
      method: 'post',
      path: '/lookupImages',
      tags,
      body: ConnectionReq,
      responses: { 200: { description: '{image:[SpiderImageInfo]}' } },
    });
  return router;
}
