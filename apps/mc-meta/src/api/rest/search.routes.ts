import { Router } from 'express';
import { pageJson } from '../../domain/search/json-text';
import type { SearchService } from '../../domain/search/search-service';
import type { StatsService } from '../../domain/stats/stats-service';

/** GET /images, /specs, /prices, /regions, /stats: query string in, { items, total, nextCursor, facets } out. */
export function searchRoutes(search: SearchService, stats: StatsService): Router {
  const router = Router();
  router.get('/images', async (req, res) => {
    res.type('json').send(pageJson(await search.images(req.query)));
  });
  router.get('/specs', async (req, res) => {
    res.type('json').send(pageJson(await search.specs(req.query)));
  });
  router.get('/prices', async (req, res) => {
    res.json(await search.prices(req.query));
  });
  router.get('/regions', async (req, res) => {
    res.json(await search.regions(req.query));
  });
  router.get('/stats', async (req, res) => {
    const { query, series } = await stats.stats(req.query);
    res.json({ kind: query.kind, groupBy: query.groupBy, interval: query.interval, series });
  });
  return router;
}
