import type { ServiceImpl } from '@cb/grpc';
import type { spider } from '@cb/proto';
import { spiderWire as wire } from '@cb/spider-client';
import type { SpiderDomain } from './spider-domain';

type History = Pick<ServiceImpl<typeof spider.SpiderService>, 'listCallHistory' | 'getCallHistoryStats'>;

/** The driver call history (upstream's HisCall) and its per-provider statistics. */
export function callHistoryHandlers({ callHistory }: SpiderDomain): History {
  return {
    async listCallHistory({ filter, limit }) {
      const calls = await callHistory.list(wire.fromCallHistoryFilterMessage(filter, limit));
      return { calls: calls.map(wire.toCallRecordMessage) };
    },
    async getCallHistoryStats({ filter }) {
      const stats = await callHistory.stats(wire.fromCallHistoryFilterMessage(filter));
      return { stats: stats.map(wire.toProviderCallStatsMessage) };
    },
  };
}
