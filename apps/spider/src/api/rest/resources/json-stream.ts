import type { Request, Response } from 'express';
import { once } from 'node:events';

/** Text gathered before one socket write: large enough for few syscalls, small enough to stay bounded. */
const WRITE_BYTES = 64 * 1024;

/**
 * An AbortSignal that fires when the client goes away before the answer is complete, so that a catalog
 * stream stops reading the driver.
 */
export function clientGone(req: Request, res: Response): AbortSignal {
  const gone = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) gone.abort(new Error('client closed the connection'));
  });
  req.once('aborted', () => gone.abort(new Error('client aborted the request')));
  return gone.signal;
}

/**
 * Answers `{...head, "<key>": [items...]}` writing the array as the items come, never holding it whole: a
 * catalog of a million images costs one write buffer, not a million objects. Each write waits for the
 * socket to drain (backpressure), so the driver is read only as fast as the client reads.
 *
 * The first item is awaited before anything is sent, so a failure to open the list (unknown connection,
 * driver error) still answers its proper status and `{"message"}`. A failure after the first bytes can
 * only cut the connection: the client then sees invalid JSON rather than a silently short list.
 */
export async function sendJsonList<T>(res: Response, key: string, items: AsyncIterable<T>, head: object = {}) {
  const iterator = items[Symbol.asyncIterator]();
  let next = await iterator.next();
  const opening = JSON.stringify(head);
  const listKey = `${JSON.stringify(key)}:[`;
  let text = opening === '{}' ? `{${listKey}` : `${opening.slice(0, -1)},${listKey}`;
  res.status(200).type('application/json');
  let first = true;
  try {
    while (!next.done) {
      text += (first ? '' : ',') + JSON.stringify(next.value);
      first = false;
      if (text.length >= WRITE_BYTES) {
        await write(res, text);
        text = '';
      }
      next = await iterator.next();
    }
    res.end(`${text}]}`);
  } catch (error) {
    await iterator.return?.().catch(() => undefined);
    res.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}

async function write(res: Response, text: string): Promise<void> {
  if (res.destroyed) throw new Error('client closed the connection');
  if (res.write(text)) return;
  // 'close' too: a client that leaves while we wait would otherwise never drain. The loser's listener is
  // removed (abort), so long streams do not pile listeners up.
  const settled = new AbortController();
  try {
    await Promise.race([
      once(res, 'drain', { signal: settled.signal }),
      once(res, 'close', { signal: settled.signal }),
    ]);
  } finally {
    settled.abort();
  }
  if (res.destroyed) throw new Error('client closed the connection');
}
