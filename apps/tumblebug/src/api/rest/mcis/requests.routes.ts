import { NotFoundError } from '@cb/errors';
import { Router } from 'express';
import type { RequestTracker } from '../../../domain/mcis/request-tracker';

/** Upstream's request tracking: GET /request/{reqId}, GET /requests, DELETE both. */
export function requestRoutes(tracker: RequestTracker): Router {
  const router = Router();
  router.get('/request/:reqId', (req, res) => {
    const details = tracker.get(String(req.params.reqId));
    if (!details) throw new NotFoundError(`No request found with ID: ${String(req.params.reqId)}`);
    res.json(details);
  });
  router.delete('/request/:reqId', (req, res) => {
    if (!tracker.delete(String(req.params.reqId)))
      throw new NotFoundError(`No request found with ID: ${String(req.params.reqId)}`);
    res.json({ message: 'Request deleted successfully' });
  });
  router.get('/requests', (req, res) => {
    const q = (name: string) => (typeof req.query[name] === 'string' ? (req.query[name] as string) : undefined);
    res.json({ requests: tracker.list({ status: q('status'), method: q('method'), url: q('url') }) });
  });
  router.delete('/requests', (_req, res) => {
    tracker.clear();
    res.json({ message: 'All requests deleted successfully' });
  });
  return router;
}
