import { InvalidArgumentError } from '@cb/errors';
import { Router, type Request } from 'express';
import type { CallHistoryRecorder } from '../../../domain/calls';
import type { CallHistoryFilter, CallHistoryStore } from '../../../store/resources';

const MAX_LIMIT = 1000;

/**
 * Upstream's HisCall, readable: `GET /callhistory` lists driver calls newest first, filtered by
 * ConnectionName, ProviderName, ResourceType, Operation, Outcome (`ok`, `error` or an error code), `since`
 * (ISO time) and `limit` (default 100, at most 1000); `GET /callhistory/stats` gives per-provider call
 * counts, errors and latency (avg, p50, p95, max in ms) over the same filters.
 */
export function callHistoryRoutes(store: CallHistoryStore, recorder: CallHistoryRecorder): Router {
  const router = Router();

  router.get('/callhistory', async (req, res) => {
    const filter = filterOf(req);
    await recorder.flush(); // so a caller sees its own calls
    const calls = await store.list(filter);
    res.json({
      callhistory: calls.map((c) => ({
        At: c.at.toISOString(),
        ConnectionName: c.connectionName,
        ProviderName: c.providerName,
        ResourceType: c.resourceType,
        ResourceName: c.resourceName,
        Operation: c.operation,
        ElapsedMs: c.durationMs,
        Outcome: c.outcome,
        ...(c.errorMessage ? { ErrorMSG: c.errorMessage } : {}),
      })),
    });
  });

  router.get('/callhistory/stats', async (req, res) => {
    const filter = filterOf(req);
    await recorder.flush();
    const stats = await store.statsByProvider(filter);
    res.json({
      stats: stats.map((s) => ({
        ProviderName: s.providerName,
        Calls: s.calls,
        Errors: s.errors,
        AvgMs: s.avgMs,
        P50Ms: s.p50Ms,
        P95Ms: s.p95Ms,
        MaxMs: s.maxMs,
      })),
    });
  });
  return router;
}

function filterOf(req: Request): CallHistoryFilter {
  const text = (key: string) => {
    const value = req.query[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw new InvalidArgumentError(`${key} must be given once`, { field: key });
    return value || undefined;
  };
  const since = text('since');
  const sinceDate = since === undefined ? undefined : new Date(since);
  if (sinceDate && Number.isNaN(sinceDate.getTime())) {
    throw new InvalidArgumentError(`since '${since}' is not an ISO 8601 time`, { field: 'since' });
  }
  const limitText = text('limit');
  const limit = limitText === undefined ? 100 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new InvalidArgumentError(`limit must be an integer from 1 to ${MAX_LIMIT}`, { field: 'limit' });
  }
  return {
    connectionName: text('ConnectionName'),
    providerName: text('ProviderName'),
    resourceType: text('ResourceType'),
    operation: text('Operation'),
    outcome: text('Outcome'),
    since: sinceDate,
    limit,
  };
}
