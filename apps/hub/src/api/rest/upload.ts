import { AppError, InvalidArgumentError } from '@cb/errors';
import busboy from 'busboy';
import type { Request } from 'express';
import type { Readable } from 'node:stream';
import type { BlobStore, StagedBlob } from '../../storage/blob-store';

/** A manifest is a small JSON document; anything bigger is not one. */
const MANIFEST_MAX_BYTES = 256 * 1024;

export interface Upload {
  manifestText: string;
  artifact: StagedBlob;
}

const partsHint = "expected multipart/form-data with a 'manifest' part (JSON) and an 'artifact' part (the file)";

/**
 * Reads POST /hub/drivers: the manifest in memory, the artifact streamed to the blob store's staging
 * area while being hashed, cut off as soon as it passes `maxBytes`. Parts may come in either order.
 * On any failure the rest of the request is drained and the staged bytes are discarded.
 */
export function readUpload(req: Request, blobs: BlobStore, maxBytes: number): Promise<Upload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: 2, fields: 4, parts: 6, fieldSize: MANIFEST_MAX_BYTES },
      });
    } catch {
      reject(new InvalidArgumentError(`request is not a multipart upload: ${partsHint}`, { field: 'Content-Type' }));
      return;
    }
    let manifest: Promise<string> | undefined;
    let staging: Promise<StagedBlob> | undefined;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      req.unpipe(parser);
      req.resume(); // drain the rest so that the client can read our answer
      staging?.then(
        (blob) => blob.discard(),
        () => undefined,
      );
      reject(error);
    };

    parser.on('field', (name, value, info) => {
      if (name !== 'manifest' || manifest) return fail(unexpectedPart(name));
      if (info.valueTruncated) return fail(manifestTooLarge());
      manifest = Promise.resolve(value);
    });
    parser.on('file', (name, stream) => {
      if (name === 'artifact' && !staging) {
        staging = blobs.stage(stream, maxBytes);
        staging.catch(fail);
      } else if (name === 'manifest' && !manifest) {
        manifest = readText(stream, MANIFEST_MAX_BYTES);
        manifest.catch(fail);
      } else {
        stream.resume();
        fail(unexpectedPart(name));
      }
    });
    for (const limit of ['partsLimit', 'filesLimit', 'fieldsLimit'] as const) {
      parser.on(limit, () => fail(new InvalidArgumentError(`too many parts: ${partsHint}`)));
    }
    parser.on('error', (error: Error) =>
      fail(new InvalidArgumentError(`malformed multipart body: ${error.message}`, { field: 'body' })),
    );
    parser.on('close', () => {
      if (failed) return;
      if (!manifest)
        return fail(new InvalidArgumentError(`the 'manifest' part is missing: ${partsHint}`, { field: 'manifest' }));
      if (!staging)
        return fail(new InvalidArgumentError(`the 'artifact' part is missing: ${partsHint}`, { field: 'artifact' }));
      Promise.all([manifest, staging]).then(([manifestText, artifact]) => {
        if (failed) void artifact.discard();
        else resolve({ manifestText, artifact });
      }, fail);
    });
    req.on('aborted', () => fail(new InvalidArgumentError('the upload was aborted by the client')));
    req.pipe(parser);
  });
}

function unexpectedPart(name: string): AppError {
  return new InvalidArgumentError(`unexpected or repeated part '${name.slice(0, 40)}': ${partsHint}`, { field: name });
}

function manifestTooLarge(): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `manifest is larger than ${MANIFEST_MAX_BYTES} bytes`, {
    field: 'manifest',
  });
}

async function readText(stream: Readable, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      stream.resume();
      throw manifestTooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
