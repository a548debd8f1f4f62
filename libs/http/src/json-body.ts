import { AppError, InvalidArgumentError } from '@cb/errors';
import type { IncomingMessage } from 'node:http';
import express, { type RequestHandler } from 'express';

/** JSON is assumed when the client names no type: upstream's Go clients often send none. */
function isJsonRequest(req: IncomingMessage): boolean {
  const type = req.headers['content-type'];
  if (type === undefined || type.trim() === '') return true;
  const mediaType = type.split(';')[0].trim().toLowerCase();
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

/** V8's JSON.parse messages quote the text around the error, which may be a credential: keep only the reason. */
function parseFailureReason(message: string): string {
  return message.replace(/,?\s*"[\s\S]*"\s*is not valid JSON$/, '').trim() || 'invalid JSON';
}

interface BodyParserError {
  type?: string;
  message?: string;
}

/**
 * The JSON body parser. It reads a body on every method, GET and DELETE included, because upstream
 * CB-Spider clients send GET with a JSON body (e.g. the connection name). Its own failures become
 * AppErrors here: too large → 413 naming the limit, malformed → 400 `malformed JSON: ...`.
 */
export function jsonBody(limit: string): RequestHandler {
  const parse = express.json({ limit, type: isJsonRequest });
  return (req, res, next) => {
    parse(req, res, (error?: unknown) => {
      if (error === undefined) return next();
      const failure = error as BodyParserError;
      if (failure.type === 'entity.too.large') {
        return next(new AppError('PAYLOAD_TOO_LARGE', `request body is larger than the limit of ${limit}`, { limit }));
      }
      if (failure.type === 'entity.parse.failed') {
        return next(new InvalidArgumentError(`malformed JSON: ${parseFailureReason(failure.message ?? '')}`));
      }
      next(error);
    });
  };
}
