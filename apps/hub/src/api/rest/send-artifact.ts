import type { Request, Response } from 'express';
import type { Readable } from 'node:stream';
import { CorruptArtifactError } from '../../domain/artifact-downloads';
import type { DriverRelease } from '../../domain/release';
import { IntegrityError } from '../../storage/verifying-stream';
import { digestHeaders } from './wire';

/**
 * Streams a release's bytes with its digests. A caller that already has these bytes (If-None-Match)
 * gets 304 and no download is logged. When the stored bytes fail their check, the caller gets a 500
 * naming the problem if nothing was sent yet, else a cut-off response (short of Content-Length).
 */
export async function sendArtifact(
  req: Request,
  res: Response,
  release: DriverRelease,
  open: () => Promise<Readable>,
): Promise<void> {
  const headers = digestHeaders(release);
  if (req.get('if-none-match') === headers.ETag) {
    res.set(headers).status(304).end();
    return;
  }
  const bytes = await open();
  const { name, version } = release.manifest;
  res.set({
    ...headers,
    'Content-Type': 'text/javascript; charset=utf-8',
    'Content-Length': String(release.size),
    'Content-Disposition': `attachment; filename="${name}-${version}.mjs"`,
    'Cache-Control': 'public, max-age=31536000, immutable',
  });
  await new Promise<void>((resolve) => {
    bytes.on('error', (error) => {
      if (!res.headersSent) {
        const corrupt = error instanceof IntegrityError ? new CorruptArtifactError(release) : undefined;
        res.removeHeader('Content-Length');
        res.removeHeader('Content-Disposition');
        res.removeHeader('Cache-Control');
        res
          .status(500)
          .json(
            corrupt
              ? { message: corrupt.message, code: corrupt.code, details: corrupt.details }
              : { message: 'internal error', code: 'INTERNAL' },
          );
      } else {
        res.destroy(error);
      }
      resolve();
    });
    res.on('close', () => {
      bytes.destroy();
      resolve();
    });
    bytes.pipe(res);
  });
}
