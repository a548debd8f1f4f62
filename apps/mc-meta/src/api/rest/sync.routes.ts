import { parseInput } from '@cb/http';
import { Router } from 'express';
import { z } from 'zod';
import { CATALOG_KINDS } from '../../domain/source/metadata-source';
import type { SyncService } from '../../domain/sync/sync-service';

export const syncRequestSchema = z
  .object({
    connectionName: z.string().trim().min(1).max(256).optional(),
    kinds: z.array(z.enum(CATALOG_KINDS)).max(CATALOG_KINDS.length).optional(),
  })
  .strict();

/** POST /sync starts one (202 {id}); GET /sync/{id} shows its progress. */
export function syncRoutes(sync: SyncService): Router {
  const router = Router();
  router.post('/sync', async (req, res) => {
    // An empty POST (no body at all) means every connection, as {} does.
    const request = parseInput(syncRequestSchema, req.body ?? {}, 'body');
    res.status(202).json(await sync.start(request, 'request'));
  });
  router.get('/sync/:id', async (req, res) => {
    res.json(await sync.get(req.params.id));
  });
  return router;
}
