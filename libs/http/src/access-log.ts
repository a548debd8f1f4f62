import type { RequestHandler } from 'express';
import type { HttpLogger } from './http-logger';

/**
 * One line per answered request: id, method, path (no query: it may carry names users consider
 * private), status and duration. Never headers or bodies, which carry credentials. Probes log at debug.
 */
export function accessLog(logger: HttpLogger, isProbe: (path: string) => boolean): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const entry = {
        requestId: res.locals.requestId,
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
      };
      if (res.statusCode >= 500) logger.error(entry, 'request failed');
      else if (isProbe(req.path)) logger.debug(entry, 'probe');
      else logger.info(entry, 'request');
    });
    next();
  };
}
