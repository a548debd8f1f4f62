import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';

export interface Expected {
  sha256: string;
  size: number;
}

/**
 * Passes the stored bytes through while hashing them, holding the last chunk back until the whole
 * blob is known to match: a tampered blob never reaches the reader complete, and the stream fails
 * instead. `beforeLastChunk` runs once the bytes are verified and before the reader can see the end
 * (the download log is written there, so it is committed before the client has its last byte).
 */
export function verifyingStream(
  expected: Expected,
  handlers: { beforeLastChunk(): Promise<void>; onMismatch(actual: Expected): Promise<void> },
): Transform {
  const hash = createHash('sha256');
  let size = 0;
  let held: Buffer | undefined;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      const previous = held;
      held = chunk;
      done(null, previous);
    },
    flush(done) {
      const actual = { sha256: hash.digest('hex'), size };
      if (actual.sha256 !== expected.sha256 || actual.size !== expected.size) {
        const failure = new IntegrityError(expected, actual);
        handlers.onMismatch(actual).then(
          () => done(failure),
          () => done(failure),
        );
        return;
      }
      handlers.beforeLastChunk().then(
        () => done(null, held),
        (error: unknown) => done(error as Error),
      );
    },
  });
}

export class IntegrityError extends Error {
  constructor(
    readonly expected: Expected,
    readonly actual: Expected,
  ) {
    super(
      `stored artifact does not match its record: sha256 ${actual.sha256} (${actual.size} bytes), expected ${expected.sha256} (${expected.size} bytes)`,
    );
    this.name = 'IntegrityError';
  }
}
