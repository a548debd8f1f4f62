import type { CloudConnection } from '@cb/driver-sdk';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { CallLabel } from '../../domain/calls';
import type { ConnectionScope } from '../../domain/resources/connection-scope';

const CHUNK = 500;

/**
 * A driver stream (images, specs, prices) read through the call gateway: the connection's call slot and
 * deadline are held for as long as the stream runs, and the call is recorded once, like any other. The
 * gateway's work is a promise, so the records cross over through a small object stream: the driver is
 * read only as fast as the caller takes chunks (a few hundred records each), and a caller that goes away
 * (or `signal`) stops the driver's iteration.
 */
export function streamThroughGateway<T>(
  scope: ConnectionScope,
  label: CallLabel,
  open: (cloud: CloudConnection) => AsyncIterable<T>,
  signal: AbortSignal,
): AsyncIterable<T[]> {
  const channel = new PassThrough({ objectMode: true, highWaterMark: 2 });
  const stopped = new AbortController();
  const stop = () => stopped.abort();
  channel.once('close', stop);
  signal.addEventListener('abort', stop, { once: true });

  const send = async (chunk: T[]) => {
    if (!channel.write(chunk)) await once(channel, 'drain', { signal: stopped.signal }).catch(() => undefined);
  };
  scope
    .call(label, async (cloud) => {
      let chunk: T[] = [];
      for await (const record of open(cloud)) {
        if (stopped.signal.aborted) return;
        chunk.push(record);
        if (chunk.length >= CHUNK) {
          await send(chunk);
          chunk = [];
        }
      }
      if (chunk.length > 0 && !stopped.signal.aborted) await send(chunk);
    })
    .then(
      () => channel.end(),
      (error: unknown) => channel.destroy(error as Error),
    )
    .finally(() => signal.removeEventListener('abort', stop));
  return channel;
}

/** The records of a chunked stream, one at a time. */
export async function* records<T>(chunks: AsyncIterable<T[]>): AsyncGenerator<T> {
  for await (const chunk of chunks) yield* chunk;
}
