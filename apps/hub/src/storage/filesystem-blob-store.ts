import { AppError, NotFoundError } from '@cb/errors';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BlobStore, StagedBlob } from './blob-store';

/** Blobs as files under one directory; uploads are staged in `.staging/` and renamed into place. */
export class FilesystemBlobStore implements BlobStore {
  private readonly root: string;
  private readonly staging: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.staging = join(this.root, '.staging');
  }

  async stage(source: Readable, maxBytes: number): Promise<StagedBlob> {
    await mkdir(this.staging, { recursive: true });
    const temp = join(this.staging, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > maxBytes) {
          done(
            new AppError('PAYLOAD_TOO_LARGE', `artifact is larger than the limit of ${maxBytes} bytes`, {
              field: 'artifact',
              maxBytes,
            }),
          );
          return;
        }
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, createWriteStream(temp, { flags: 'wx' }));
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    let settled = false;
    return {
      sha256: hash.digest('hex'),
      size,
      commit: async (key) => {
        const target = this.pathOf(key);
        await mkdir(dirname(target), { recursive: true });
        // rename(2) within one filesystem is atomic: readers see the old state or the whole file.
        await rename(temp, target);
        settled = true;
      },
      discard: async () => {
        if (!settled) await rm(temp, { force: true });
        settled = true;
      },
    };
  }

  async open(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    await stat(path).catch(() => {
      throw new NotFoundError(`artifact blob '${key}' is missing from storage`);
    });
    return createReadStream(path);
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** Keys are built from sanitised names, but a key must still never leave the root. */
  private pathOf(key: string): string {
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + sep) || path.startsWith(this.staging + sep)) {
      throw new Error(`blob key '${key}' points outside the store`);
    }
    return path;
  }
}
