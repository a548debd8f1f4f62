import { timingSafeEqual } from 'node:crypto';
import { toJson } from '@bufbuild/protobuf';
import { EVENT_CATALOG, decodeEvent, isEventSubject, type EventTransport, type Subscription } from '@cb/events';
import type { Request, Response } from 'express';

const HEARTBEAT_MS = 15_000;

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** True when the request carries the console's Basic credentials. */
export function hasCredentials(req: Request, username: string, password: string): boolean {
  const header = req.headers.authorization ?? '';
  if (!header.startsWith('Basic ')) return false;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon > 0 && sameText(decoded.slice(0, colon), username) && sameText(decoded.slice(colon + 1), password);
}

/** The wire form of one event: the browser only needs what changed, to refresh the views it affects. */
export function toStreamEvent(subject: string, id: string, data: Uint8Array): string {
  let payload: unknown = null;
  if (isEventSubject(subject)) {
    payload = toJson(EVENT_CATALOG[subject], decodeEvent(subject, data) as never, { alwaysEmitImplicit: false });
  }
  return `id: ${id}\nevent: platform\ndata: ${JSON.stringify({ subject, payload })}\n\n`;
}

/**
 * Fans the platform's events out to every open console as server-sent events, so that N browser tabs
 * cost one subscription, not N pollers. A listener, not a durable consumer: every console process sees
 * every event (two consoles on one NATS would otherwise split them), and nothing stays behind in NATS
 * when the process ends.
 */
export class PlatformEventStream {
  private readonly clients = new Set<Response>();
  private subscription?: Subscription;
  private heartbeat?: NodeJS.Timeout;

  constructor(private readonly transport: EventTransport | undefined) {}

  async start(): Promise<void> {
    if (!this.transport) return;
    this.subscription = await this.transport.listen('waterstrider', ['cb.>'], async (event) => {
      if (this.clients.size === 0) return;
      const frame = toStreamEvent(event.subject, event.id, event.data);
      for (const client of this.clients) client.write(frame);
    });
    this.heartbeat = setInterval(() => {
      for (const client of this.clients) client.write(': keep-alive\n\n');
    }, HEARTBEAT_MS);
  }

  handle = (req: Request, res: Response): void => {
    if (!this.transport) {
      res.status(503).json({ message: 'No event stream in this process', code: 'UNAVAILABLE' });
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    this.clients.add(res);
    req.on('close', () => this.clients.delete(res));
  };

  async stop(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const client of this.clients) client.end();
    this.clients.clear();
    await this.subscription?.stop();
  }
}
