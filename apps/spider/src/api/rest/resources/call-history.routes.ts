import { InvalidArgumentError } from '@cb/errors';
import { Router, type Request } from 'express';
import { CallHistory, type CallHistoryQuery, type CallHistoryRecorder } from '../../../domain/calls';
import type { CallHistoryStore } from '../../../store/resources';

/**
 * Upstream's HisCall, readable: `GET /callhistory` lists driver calls newest first, filtered by
 * ConnectionName, ProviderName, ResourceType, Operation, Outcome (`ok`, `error` or an error code), `since`
 * (ISO time) and `limit` (default 100, at most 1000); `GET /callhistory/stats` gives per-provider call
 * counts, errors and latency (avg, p50, p95, max in ms) over the same filters.
 */
export function callHistoryRoutes(store: CallHistoryStore, recorder: CallHistoryRecorder): Router {
  const router = Router();
  const history = new CallHistory(store, recorder);

  router.get('/callhistory', async (req, res) => {
    res.json({ callhistory: await history.list(queryOf(req)) });
  });
  router.get('/callhistory/stats', async (req, res) => {
    res.json({ stats: await history.stats(queryOf(req)) });
  });
  return router;
}

/** The query string's filters; the domain checks `since` and `limit`. */
function queryOf(req: Request): CallHistoryQuery {
  const text = (key: string) => {
    const value = req.query[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw new InvalidArgumentError(`${key} must be given once`, { field: key });
    return value || undefined;
  };
  const limit = text('limit');
  return {
    connectionName: text('ConnectionName'),
    providerName: text('ProviderName'),
    resourceType: text('ResourceType'),
    operation: text('Operation'),
    outcome: text('Outcome'),
    since: text('since'),
    limit: limit === undefined ? undefined : Number(limit),
  };
}
