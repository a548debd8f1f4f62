import { NotFoundError } from '@cb/errors';
import { Router } from 'express';
import { z } from 'zod';
import type { TumblebugDeps } from '../../deps';
import { toConnConfig, toRegionDetail } from '../../domain/connection/conn-config';

/** Connections seen from tumblebug: /connConfig, /provider, /provider/{p}/region, /region. */
export function connectionRoutes({ connections, openapi }: TumblebugDeps): Router {
  const router = Router();
  router.get('/connConfig', async (_req, res) => {
    res.json({ connectionconfig: (await connections.list()).map(toConnConfig) });
  });
  router.get('/connConfig/:connConfigName', async (req, res) => {
    res.json(toConnConfig(await connections.get(req.params.connConfigName)));
  });
  router.get('/provider', async (_req, res) => {
    const providers = [...new Set((await connections.list()).map((c) => c.providerName))].sort();
    res.json({ output: providers });
  });
  const regionsOf = async (provider?: string) => {
    const seen = new Map<string, ReturnType<typeof toRegionDetail>>();
    for (const connection of await connections.list()) {
      if (provider && connection.providerName !== provider.toLowerCase()) continue;
      const key = `${connection.providerName}/${connection.regionId}`;
      if (!seen.has(key)) seen.set(key, toRegionDetail(connection));
    }
    return [...seen.values()];
  };
  router.get('/region', async (_req, res) => {
    res.json({ regions: await regionsOf() });
  });
  router.get('/provider/:providerName/region', async (req, res) => {
    res.json({ regions: await regionsOf(req.params.providerName) });
  });
  router.get('/provider/:providerName/region/:regionName', async (req, res) => {
    const region = (await regionsOf(req.params.providerName)).find((r) => r.regionId === req.params.regionName);
    if (!region) {
      throw new NotFoundError(`Cannot find the region ${req.params.regionName} of provider ${req.params.providerName}`);
    }
    res.json(region);
  });

  const tags = ['connection'];
  openapi
    .add({
      method: 'get',
      path: '/connConfig',
      tags,
      responses: { 200: { description: '{connectionconfig:[ConnConfig]}' } },
    })
    .add({
      method: 'get',
      path: '/connConfig/:connConfigName',
      tags,
      params: z.object({ connConfigName: z.string() }),
      responses: { 200: { description: 'ConnConfig' }, 404: { description: 'unknown connection' } },
    })
    .add({ method: 'get', path: '/provider', tags, responses: { 200: { description: '{output:[providerName]}' } } })
    .add({ method: 'get', path: '/region', tags, responses: { 200: { description: '{regions:[RegionDetail]}' } } })
    .add({
      method: 'get',
      path: '/provider/:providerName/region',
      tags,
      params: z.object({ providerName: z.string() }),
      responses: { 200: { description: '{regions:[RegionDetail]}' } },
    })
    .add({
      method: 'get',
      path: '/provider/:providerName/region/:regionName',
      tags,
      params: z.object({ providerName: z.string(), regionName: z.string() }),
      responses: { 200: { description: 'RegionDetail' }, 404: { description: 'unknown region' } },
    });
  return router;
}
