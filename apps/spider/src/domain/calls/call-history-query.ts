import type { CallRecord, ProviderCallStats } from '@cb/spider-client';
import { InvalidArgumentError } from '@cb/errors';
import type { CallHistoryFilter, CallHistoryStore } from '../../store/resources';
import type { CallHistoryRecorder } from './call-history-recorder';

export const DEFAULT_CALL_HISTORY_LIMIT = 100;
export const MAX_CALL_HISTORY_LIMIT = 1000;

/** A call history query as a caller sends it: empty filters mean any; `since` is ISO 8601 text. */
export interface CallHistoryQuery {
  connectionName?: string;
  providerName?: string;
  resourceType?: string;
  operation?: string;
  /** `ok`, `error` (any failure) or one error code. */
  outcome?: string;
  since?: string;
  /** Default 100, at most 1000. */
  limit?: number;
}

/** The store's filter of a query, or an InvalidArgumentError naming the bad field. */
export function callHistoryFilterOf(query: CallHistoryQuery): CallHistoryFilter {
  const since = query.since || undefined;
  const sinceDate = since === undefined ? undefined : new Date(since);
  if (sinceDate && Number.isNaN(sinceDate.getTime())) {
    throw new InvalidArgumentError(`since '${since}' is not an ISO 8601 time`, { field: 'since' });
  }
  const limit = query.limit ?? DEFAULT_CALL_HISTORY_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_CALL_HISTORY_LIMIT) {
    throw new InvalidArgumentError(`limit must be an integer from 1 to ${MAX_CALL_HISTORY_LIMIT}`, {
      field: 'limit',
    });
  }
  return {
    connectionName: query.connectionName || undefined,
    providerName: query.providerName || undefined,
    resourceType: query.resourceType || undefined,
    operation: query.operation || undefined,
    outcome: query.outcome || undefined,
    since: sinceDate,
    limit,
  };
}

/** The wire shapes of upstream's HisCall records and statistics, shared with the typed client. */
export type { CallRecord, ProviderCallStats } from '@cb/spider-client';

/**
 * Upstream's HisCall, readable: driver calls newest first, and per-provider call counts, errors and latency.
 * The calls still queued are written first, so a caller sees its own.
 */
export class CallHistory {
  constructor(
    private readonly store: CallHistoryStore,
    private readonly recorder: CallHistoryRecorder,
  ) {}

  async list(query: CallHistoryQuery): Promise<CallRecord[]> {
    const filter = callHistoryFilterOf(query);
    await this.recorder.flush();
    const calls = await this.store.list(filter);
    return calls.map((c) => ({
      At: c.at.toISOString(),
      ConnectionName: c.connectionName,
      ProviderName: c.providerName,
      ResourceType: c.resourceType,
      ResourceName: c.resourceName,
      Operation: c.operation,
      ElapsedMs: c.durationMs,
      Outcome: c.outcome,
      ...(c.errorMessage ? { ErrorMSG: c.errorMessage } : {}),
    }));
  }

  async stats(query: CallHistoryQuery): Promise<ProviderCallStats[]> {
    const filter = callHistoryFilterOf(query);
    await this.recorder.flush();
    const stats = await this.store.statsByProvider(filter);
    return stats.map((s) => ({
      ProviderName: s.providerName,
      Calls: s.calls,
      Errors: s.errors,
      AvgMs: s.avgMs,
      P50Ms: s.p50Ms,
      P95Ms: s.p95Ms,
      MaxMs: s.maxMs,
    }));
  }
}
