import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** Ids from a gateway or client are kept only if they are short and plain: they end up in logs and headers. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@+=/-]{1,128}$/;

/** Takes a sane incoming `X-Request-Id` or makes one, and echoes it on the response. */
export const requestId: RequestHandler = (req, res, next) => {
  const incoming = req.get(REQUEST_ID_HEADER);
  const id = incoming !== undefined && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.locals.requestId = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  next();
};

/** The id of the request being answered (set by the first middleware of every app). */
export function requestIdOf(res: Response | Request): string {
  const response = 'locals' in res ? res : res.res;
  return String(response?.locals.requestId ?? '');
}
