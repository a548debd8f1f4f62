import type { RequestHandler } from 'express';
import { REQUEST_ID_HEADER } from './request-id';

export interface CorsOptions {
  /** Allowed origins; `'*'` (the default, as upstream's Echo CORS middleware) allows any. */
  origins?: '*' | string[];
  /** Send `Access-Control-Allow-Credentials: true` (then the origin is echoed, never `*`). */
  credentials?: boolean;
  /** How long a browser may cache a preflight answer. */
  maxAgeSeconds?: number;
}

const METHODS = 'GET,HEAD,PUT,PATCH,POST,DELETE,OPTIONS';

/**
 * CORS for the web console and other browser clients. Answers preflights itself (before auth: browsers
 * send them without credentials) and exposes the request id so browser code can quote it in bug reports.
 */
export function cors(options: CorsOptions = {}): RequestHandler {
  const origins = options.origins ?? '*';
  const maxAge = String(options.maxAgeSeconds ?? 600);
  return (req, res, next) => {
    const origin = req.get('Origin');
    if (!origin) return next();
    const allowed = origins === '*' || origins.includes(origin);
    if (allowed) {
      const echoOrigin = origins !== '*' || options.credentials;
      res.setHeader('Access-Control-Allow-Origin', echoOrigin ? origin : '*');
      if (echoOrigin) res.vary('Origin');
      if (options.credentials) res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Expose-Headers', REQUEST_ID_HEADER);
    }
    const isPreflight = req.method === 'OPTIONS' && req.get('Access-Control-Request-Method') !== undefined;
    if (!isPreflight) return next();
    if (allowed) {
      res.setHeader('Access-Control-Allow-Methods', METHODS);
      const requested = req.get('Access-Control-Request-Headers');
      res.setHeader('Access-Control-Allow-Headers', requested ?? 'Authorization,Content-Type');
      if (requested) res.vary('Access-Control-Request-Headers');
      res.setHeader('Access-Control-Max-Age', maxAge);
    }
    res.status(204).end();
  };
}
