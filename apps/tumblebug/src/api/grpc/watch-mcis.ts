import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { decodeEvent, type EventPayload } from '@cb/events';
import type { tumblebug } from '@cb/proto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import type { McisService } from '../../domain/mcis';
import { toMcisStatusMessage } from './mcis-messages';

type WatchEvent = MessageInitShape<typeof tumblebug.WatchMcisResponseSchema>;

export interface WatchOptions {
  /** How often the outbox is read. */
  pollMs: number;
  /**
   * Rows carry the time they were written, not the time they were committed: each read looks this far
   * back again (de-duplicated by id) so that an event committed late by a long transaction is not skipped.
   */
  lateCommitMs: number;
}

interface OutboxRow {
  id: string;
  subject: string;
  payload: Buffer;
  created_at: Date;
}

const MCIS_SUBJECTS = [
  'cb.tumblebug.mcis.created',
  'cb.tumblebug.mcis.status_changed',
  'cb.tumblebug.mcis.deleted',
  'cb.tumblebug.vm.status_changed',
] as const;
type McisSubject = (typeof MCIS_SUBJECTS)[number];
const PAGE = 1000;

function toWatchEvent(subject: McisSubject, payload: EventPayload<McisSubject>, at: Date): WatchEvent {
  const time = timestampFromDate(at);
  switch (subject) {
    case 'cb.tumblebug.mcis.created':
      return { event: { case: 'created', value: payload as EventPayload<typeof subject> }, at: time };
    case 'cb.tumblebug.mcis.status_changed':
      return { event: { case: 'statusChanged', value: payload as EventPayload<typeof subject> }, at: time };
    case 'cb.tumblebug.mcis.deleted':
      return { event: { case: 'deleted', value: payload as EventPayload<typeof subject> }, at: time };
    case 'cb.tumblebug.vm.status_changed':
      return { event: { case: 'vmStatusChanged', value: payload as EventPayload<typeof subject> }, at: time };
  }
}

/**
 * WatchMcis: a snapshot of each watched MCIS, then its events read from the outbox, where MCIS writes
 * them in the transaction that makes them true, so the stream shows exactly what was committed and works
 * whatever event transport the service runs with. The cursor is taken before the snapshot: an event may
 * repeat what the snapshot shows, never fall between the two.
 */
export async function* watchMcis(
  dataSource: DataSource,
  service: McisService,
  nsId: string,
  mcisId: string,
  signal: AbortSignal,
  options: WatchOptions,
): AsyncGenerator<WatchEvent> {
  const [{ now }] = (await dataSource.query('SELECT clock_timestamp() AS now')) as { now: Date }[];
  let cursor = now;
  const views = mcisId ? [await service.get(nsId, mcisId)] : await service.list(nsId);
  for (const view of views) {
    yield { event: { case: 'snapshot', value: toMcisStatusMessage(view) }, at: timestampFromDate(now) };
  }
  const seen = new Map<string, number>();
  while (!signal.aborted) {
    const late = (await dataSource.query(
      `SELECT id, subject, payload, created_at FROM outbox_events
        WHERE created_at > $1 AND created_at <= $2 AND subject = ANY($3) AND NOT (id = ANY($4::uuid[]))
        ORDER BY created_at, id`,
      [new Date(cursor.getTime() - options.lateCommitMs), cursor, MCIS_SUBJECTS, [...seen.keys()]],
    )) as OutboxRow[];
    const fresh = (await dataSource.query(
      `SELECT id, subject, payload, created_at FROM outbox_events
        WHERE created_at > $1 AND subject = ANY($2) ORDER BY created_at, id LIMIT $3`,
      [cursor, MCIS_SUBJECTS, PAGE],
    )) as OutboxRow[];
    const rows = [...late, ...fresh];
    for (const row of rows) {
      if (seen.has(row.id)) continue;
      seen.set(row.id, row.created_at.getTime());
      if (row.created_at > cursor) cursor = row.created_at;
      const subject = row.subject as McisSubject;
      const payload = decodeEvent(subject, row.payload);
      if (payload.nsId !== nsId || (mcisId && payload.mcisId !== mcisId)) continue;
      yield toWatchEvent(subject, payload, row.created_at);
      if (mcisId && subject === 'cb.tumblebug.mcis.deleted') return;
    }
    const horizon = cursor.getTime() - options.lateCommitMs;
    for (const [id, at] of seen) if (at <= horizon) seen.delete(id);
    // A full page means more is waiting: read again at once.
    if (fresh.length < PAGE) await sleep(options.pollMs, undefined, { signal }).catch(() => undefined);
  }
}
