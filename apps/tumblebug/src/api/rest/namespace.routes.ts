import { parseBody, parseQuery } from '@cb/http';
import { type RequestHandler, Router } from 'express';
import { z } from 'zod';
import type { TumblebugDeps } from '../../deps';
import type { Namespace } from '../../domain/namespace/namespace';
import type { NamespaceService } from '../../domain/namespace/namespace-service';
import { caseInsensitive, ListQuery } from './app-input';

const NsReq = caseInsensitive(
  z.object({ name: z.string().min(1), description: z.string().optional() }).meta({ id: 'NsReq' }),
);
const NsUpdateReq = caseInsensitive(
  z.object({ name: z.string().min(1).optional(), description: z.string().optional() }),
);
const NsInfo = z
  .object({ resourceType: z.literal('ns'), id: z.string(), uid: z.string(), name: z.string(), description: z.string() })
  .meta({ id: 'NsInfo' });

export const toNsInfo = (ns: Namespace) => ({ resourceType: 'ns', ...ns });

/** Upstream's namespace middleware: any /ns/{nsId}/... path of an unknown namespace is 404 "Not valid namespace". */
export function namespaceGuard(namespaces: NamespaceService): RequestHandler {
  const router = Router();
  router.use('/ns/:nsId', async (req, _res, next) => {
    await namespaces.require(String(req.params.nsId));
    next();
  });
  return router;
}

export function namespaceRoutes({ namespaces, openapi }: TumblebugDeps): Router {
  const router = Router();
  router.post('/ns', async (req, res) => {
    res.json(toNsInfo(await namespaces.create(parseBody(req, NsReq))));
  });
  router.get('/ns', async (req, res) => {
    const { option } = parseQuery(req, ListQuery);
    const all = await namespaces.list();
    res.json(option === 'id' ? { output: all.map((ns) => ns.id) } : { ns: all.map(toNsInfo) });
  });
  router.delete('/ns', async (_req, res) => {
    const { deleted, kept } = await namespaces.deleteAll();
    const message = kept.length
      ? `Deleted ${deleted.length} namespaces; kept ${kept.join(', ')} (not empty)`
      : 'All namespaces has been deleted';
    res.json({ message });
  });
  router.get('/ns/:nsId', async (req, res) => {
    res.json(toNsInfo(await namespaces.get(req.params.nsId)));
  });
  router.get('/checkNs/:nsId', async (req, res) => {
    const exists = await namespaces.get(req.params.nsId).then(
      () => true,
      () => false,
    );
    res.json({ exists });
  });
  router.put('/ns/:nsId', async (req, res) => {
    res.json(toNsInfo(await namespaces.update(req.params.nsId, parseBody(req, NsUpdateReq))));
  });
  router.delete('/ns/:nsId', async (req, res) => {
    await namespaces.delete(req.params.nsId);
    res.json({ message: `The ns ${req.params.nsId} has been deleted` });
  });

  const nsId = z.object({ nsId: z.string() });
  openapi
    .add({
      method: 'post',
      path: '/ns',
      tags: ['namespace'],
      body: NsReq,
      responses: { 200: { description: 'created', schema: NsInfo } },
    })
    .add({
      method: 'get',
      path: '/ns',
      tags: ['namespace'],
      query: ListQuery,
      responses: { 200: { description: '{ns:[NsInfo]} or {output:[ids]}' } },
    })
    .add({
      method: 'delete',
      path: '/ns',
      tags: ['namespace'],
      responses: { 200: { description: 'every empty namespace deleted' } },
    })
    .add({
      method: 'get',
      path: '/ns/:nsId',
      tags: ['namespace'],
      params: nsId,
      responses: { 200: { description: 'the namespace', schema: NsInfo }, 404: { description: 'Not valid namespace' } },
    })
    .add({
      method: 'put',
      path: '/ns/:nsId',
      tags: ['namespace'],
      params: nsId,
      body: NsUpdateReq,
      responses: { 200: { description: 'updated', schema: NsInfo } },
    })
    .add({
      method: 'delete',
      path: '/ns/:nsId',
      tags: ['namespace'],
      params: nsId,
      responses: { 200: { description: 'deleted' }, 409: { description: 'not empty' } },
    })
    .add({
      method: 'get',
      path: '/checkNs/:nsId',
      tags: ['namespace'],
      params: nsId,
      responses: { 200: { description: '{exists: boolean}' } },
    });
  return router;
}
