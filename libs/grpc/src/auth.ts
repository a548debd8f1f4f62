import { createHash, timingSafeEqual } from 'node:crypto';
import { InvalidArgumentError, UnauthenticatedError } from '@cb/errors';
import type { Metadata } from '@grpc/grpc-js';

/** Services prove who they are to each other with one shared token, sent as `authorization: Bearer <token>`. */
export interface SharedTokenAuth {
  token: string;
}

const HEADER = 'authorization';
const SCHEME = 'Bearer ';

export function assertUsableToken(token: string, field: string): void {
  if (token.trim() === '') throw new InvalidArgumentError(`${field} must not be empty`, { field });
}

export function addBearerToken(metadata: Metadata, token: string): void {
  metadata.set(HEADER, SCHEME + token);
}

/** Throws UnauthenticatedError unless the call carries the expected token. */
export function requireBearerToken(metadata: Metadata, expected: string): void {
  const value = metadata.get(HEADER)[0];
  const presented = typeof value === 'string' && value.startsWith(SCHEME) ? value.slice(SCHEME.length) : undefined;
  if (presented === undefined || !sameSecret(presented, expected)) {
    throw new UnauthenticatedError('missing or invalid bearer token');
  }
}

/** Compares digests, so neither the content nor the length of the token leaks through timing. */
function sameSecret(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
