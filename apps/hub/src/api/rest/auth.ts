import { UnauthenticatedError } from '@cb/errors';
import type { Request, RequestHandler } from 'express';
import { timingSafeEqual } from 'node:crypto';

export interface PublisherCredentials {
  username: string;
  password: string;
}

/** The Basic-auth user name when the request carries the publisher's credentials, else undefined. */
export function authenticatedUser(req: Request, publisher: PublisherCredentials): string | undefined {
  const [scheme, encoded] = (req.headers.authorization ?? '').split(' ');
  if (scheme?.toLowerCase() !== 'basic' || !encoded) return undefined;
  const given = Buffer.from(encoded, 'base64');
  const expected = Buffer.from(`${publisher.username}:${publisher.password}`);
  // Constant time, so that the comparison does not tell how much of a guess was right.
  return given.length === expected.length && timingSafeEqual(given, expected) ? publisher.username : undefined;
}

/** Publishing and deleting need the publisher's Basic credentials; reading does not. */
export function requirePublisher(publisher: PublisherCredentials): RequestHandler {
  return (req, res, next) => {
    const user = authenticatedUser(req, publisher);
    if (!user) {
      res.setHeader('WWW-Authenticate', 'Basic realm="CB-Hub"');
      // Drain an upload we refuse, so the client reads the 401 instead of a reset connection.
      req.resume();
      return next(
        new UnauthenticatedError('publishing and deleting drivers needs the publisher credentials (HTTP Basic)'),
      );
    }
    res.locals.publisher = user;
    next();
  };
}

/** Who downloads: the authenticated user, else the caller's address. */
export function whoIs(req: Request, publisher: PublisherCredentials): string {
  return authenticatedUser(req, publisher) ?? req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
