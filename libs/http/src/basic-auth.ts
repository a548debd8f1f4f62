import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';

export interface BasicAuthCredentials {
  username: string;
  password: string;
}

/** Hashing first gives equal-length buffers, so the comparison leaks neither content nor length. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

function credentialsOf(header: string | undefined): string | undefined {
  const match = /^basic\s+([A-Za-z0-9+/=._-]+)\s*$/i.exec(header ?? '');
  return match ? Buffer.from(match[1], 'base64').toString('utf8') : undefined;
}

/**
 * HTTP Basic auth as upstream: any failure is 401 `{"message":"Unauthorized"}` with a
 * `WWW-Authenticate` challenge; requests for which `isPublic` says yes pass without credentials.
 */
export function basicAuth(
  credentials: BasicAuthCredentials,
  realm: string,
  isPublic: (path: string) => boolean,
): RequestHandler {
  const expected = digest(`${credentials.username}:${credentials.password}`);
  return (req, res, next) => {
    if (isPublic(req.path)) return next();
    const given = credentialsOf(req.get('Authorization'));
    if (given !== undefined && timingSafeEqual(digest(given), expected)) return next();
    res.setHeader('WWW-Authenticate', `Basic realm="${realm}", charset="UTF-8"`);
    res.status(401).json({ message: 'Unauthorized', code: 'UNAUTHENTICATED' });
  };
}
