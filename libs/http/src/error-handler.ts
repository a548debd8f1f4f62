import { type AppError, type ErrorCode, httpStatusOf, isAppError, NotFoundError, ThrottledError } from '@cb/errors';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { HttpLogger } from './http-logger';

/** The JSON body of every error answer: upstream clients read `message`, ours also read `code`. */
export interface ErrorBody {
  message: string;
  code: ErrorCode;
  details?: Record<string, unknown>;
}

/** Unknown routes answer like any other error (upstream's Echo says `{"message":"Not Found"}`). */
export const notFound: RequestHandler = (req, _res, next) => {
  next(new NotFoundError('Not Found', { method: req.method, path: req.path }));
};

/** Errors from express itself and its parsers (http-errors): a client mistake with a safe message. */
interface ExposedHttpError {
  status: number;
  expose: true;
  message: string;
}

function isExposedClientError(error: unknown): error is ExposedHttpError {
  const candidate = error as Partial<ExposedHttpError> | undefined;
  return (
    typeof candidate?.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500 &&
    candidate.expose === true
  );
}

function send(res: Response, status: number, body: ErrorBody): void {
  res.status(status).json(body);
}

function sendAppError(res: Response, error: AppError): void {
  if (error instanceof ThrottledError && error.retryAfterMs !== undefined) {
    res.setHeader('Retry-After', String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))));
  }
  send(res, httpStatusOf(error.code), {
    message: error.message,
    code: error.code,
    ...(error.details ? { details: error.details } : {}),
  });
}

/**
 * The one place errors become HTTP. AppError → its status with `{message, code, details?}`; an exposed
 * 4xx from express → that status; anything else → 500 with a generic message, the real error logged
 * with the request id (never its stack or text in the answer: it may hold secrets or internals).
 */
export function errorHandler(logger: HttpLogger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const requestId = res.locals.requestId as string | undefined;
    if (isAppError(error)) {
      const status = httpStatusOf(error.code);
      const entry = { requestId, method: req.method, path: req.path, code: error.code, message: error.message };
      if (status >= 500) logger.warn(entry, 'request refused');
      else logger.debug(entry, 'request refused');
      return sendAppError(res, error);
    }
    if (isExposedClientError(error)) {
      return send(res, error.status, {
        message: error.message,
        code: error.status === 404 ? 'NOT_FOUND' : 'INVALID_ARGUMENT',
      });
    }
    logger.error({ err: error, requestId, method: req.method, path: req.path }, 'unexpected error');
    send(res, 500, { message: 'Internal Server Error', code: 'INTERNAL', details: { requestId } });
  };
}
