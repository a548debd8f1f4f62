import type { spider } from '@cb/proto';
import type { CallHistoryQuery, CallRecord, ProviderCallStats } from '../management-types';
import { type Init, present } from './common';

/* The call history (upstream's HisCall): filters, records and statistics <-> cb.spider.v1 messages. */

const given = (value: string): string | undefined => (value === '' ? undefined : value);

export function toCallHistoryFilterMessage(q: CallHistoryQuery): Init<typeof spider.CallHistoryFilterSchema> {
  return {
    connectionName: q.ConnectionName ?? '',
    providerName: q.ProviderName ?? '',
    resourceType: q.ResourceType ?? '',
    operation: q.Operation ?? '',
    outcome: q.Outcome ?? '',
    since: q.since instanceof Date ? q.since.toISOString() : (q.since ?? ''),
  };
}

/** Back to the query; the limit travels beside the filter. */
export function fromCallHistoryFilterMessage(m: spider.CallHistoryFilter | undefined, limit = 0): CallHistoryQuery {
  return {
    ...present('ConnectionName', given(m?.connectionName ?? '')),
    ...present('ProviderName', given(m?.providerName ?? '')),
    ...present('ResourceType', given(m?.resourceType ?? '')),
    ...present('Operation', given(m?.operation ?? '')),
    ...present('Outcome', given(m?.outcome ?? '')),
    ...present('since', given(m?.since ?? '')),
    ...present('limit', limit === 0 ? undefined : limit),
  };
}

export function toCallRecordMessage(c: CallRecord): Init<typeof spider.CallRecordSchema> {
  return {
    at: c.At,
    connectionName: c.ConnectionName,
    providerName: c.ProviderName,
    resourceType: c.ResourceType,
    resourceName: c.ResourceName,
    operation: c.Operation,
    elapsedMs: c.ElapsedMs,
    outcome: c.Outcome,
    errorMsg: c.ErrorMSG,
  };
}

export function fromCallRecordMessage(m: spider.CallRecord): CallRecord {
  return {
    At: m.at,
    ConnectionName: m.connectionName,
    ProviderName: m.providerName,
    ResourceType: m.resourceType,
    ResourceName: m.resourceName,
    Operation: m.operation,
    ElapsedMs: m.elapsedMs,
    Outcome: m.outcome,
    ...present('ErrorMSG', m.errorMsg),
  };
}

export function toProviderCallStatsMessage(s: ProviderCallStats): Init<typeof spider.ProviderCallStatsSchema> {
  return {
    providerName: s.ProviderName,
    calls: s.Calls,
    errors: s.Errors,
    avgMs: s.AvgMs,
    p50Ms: s.P50Ms,
    p95Ms: s.P95Ms,
    maxMs: s.MaxMs,
  };
}

export function fromProviderCallStatsMessage(m: spider.ProviderCallStats): ProviderCallStats {
  return {
    ProviderName: m.providerName,
    Calls: m.calls,
    Errors: m.errors,
    AvgMs: m.avgMs,
    P50Ms: m.p50Ms,
    P95Ms: m.p95Ms,
    MaxMs: m.maxMs,
  };
}
