import type { Readable } from 'node:stream';

/** An upload written aside, hashed and counted, not yet visible under any key. */
export interface StagedBlob {
  readonly sha256: string;
  readonly size: number;
  /** Makes the bytes visible under `key` at once (never half-written), replacing nothing. */
  commit(key: string): Promise<void>;
  /** Forgets the staged bytes (a refused upload). Safe to call after commit: it then does nothing. */
  discard(): Promise<void>;
}

/**
 * Where artifact bytes live. The filesystem store is the default; an S3-compatible store can implement
 * the same: stage = multipart upload to a temporary key, commit = copy + delete (or a conditional put).
 */
export interface BlobStore {
  /** Streams `source` aside while hashing; fails with PAYLOAD_TOO_LARGE as soon as it passes `maxBytes`. */
  stage(source: Readable, maxBytes: number): Promise<StagedBlob>;
  /** The stored bytes of `key`, as they are now (callers verify them against the recorded sha256). */
  open(key: string): Promise<Readable>;
  /** Removes `key`; removing a missing key is not an error. */
  remove(key: string): Promise<void>;
}
