import { decodeEvent, isEventSubject } from '@cb/events';
import { toJson } from '@bufbuild/protobuf';
import { EVENT_CATALOG } from '@cb/events';
import { Router } from 'express';
import type { DataSource } from 'typeorm';

/**
 * GET /tumblebug/events/stream: server-sent events of cb.tumblebug.mcis.* and cb.tumblebug.vm.* for the
 * console. Read from the outbox (where every such event is written in its transaction), so the stream
 * shows exactly what was committed; `Last-Event-ID` resumes after a reconnect.
 */
export function eventStreamRoutes(dataSource: DataSource, pollMs = 500): Router {
  const router = Router();
  router.get('/events/stream', async (req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write(': connected\n\n');
    const lastId = req.header('last-event-id');
    let since: Date = new Date();
    if (lastId) {
      const rows: { created_at: Date }[] = await dataSource.query(
        'SELECT created_at FROM outbox_events WHERE id::text = $1',
        [lastId],
      );
      if (rows[0]) since = rows[0].created_at;
    }
    let closed = false;
    req.on('close', () => (closed = true));
    while (!closed) {
      const rows: { id: string; subject: string; payload: Buffer; created_at: Date }[] = await dataSource.query(
        `SELECT id, subject, payload, created_at FROM outbox_events
          WHERE created_at > $1 AND (subject LIKE 'cb.tumblebug.mcis.%' OR subject LIKE 'cb.tumblebug.vm.%')
          ORDER BY created_at LIMIT 500`,
        [since],
      );
      for (const row of rows) {
        since = row.created_at;
        if (!isEventSubject(row.subject)) continue;
        const data = toJson(EVENT_CATALOG[row.subject], decodeEvent(row.subject, row.payload) as never);
        res.write(`id: ${row.id}\nevent: ${row.subject}\ndata: ${JSON.stringify(data)}\n\n`);
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  });
  return router;
}
