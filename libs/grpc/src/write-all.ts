import type { Writable } from 'node:stream';

/**
 * Writes every message to a gRPC stream, waiting for 'drain' whenever the stream's buffer is full,
 * so a fast producer never piles messages up in memory. Stops as soon as `signal` is aborted
 * (the call was cancelled or has ended). Returns whether every message was written.
 */
export async function writeAll(
  stream: Writable,
  messages: Iterable<unknown> | AsyncIterable<unknown>,
  signal: AbortSignal,
): Promise<boolean> {
  for await (const message of messages) {
    if (signal.aborted) return false;
    if (!stream.write(message)) await drainedOrAborted(stream, signal);
  }
  return !signal.aborted;
}

function drainedOrAborted(stream: Writable, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    stream.on('drain', done);
    signal.addEventListener('abort', done);
  });
}
