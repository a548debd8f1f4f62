import type { RequestHandler } from 'express';

/**
 * Upstream's trailing-slash rule: `/spider/vpc/` answers 301 to `/spider/vpc`, keeping the query.
 * (Upstream exempts its Swagger UI under /api.)
 */
export function redirectTrailingSlash(basePath: string): RequestHandler {
  return (req, res, next) => {
    const [path, query] = splitUrl(req.originalUrl);
    if (path.length > 1 && path.endsWith('/') && !path.startsWith(`${basePath}/api`)) {
      const target = path.replace(/\/+$/, '') || '/';
      res.redirect(301, query === undefined ? target : `${target}?${query}`);
      return;
    }
    next();
  };
}

function splitUrl(url: string): [string, string | undefined] {
  const at = url.indexOf('?');
  return at < 0 ? [url, undefined] : [url.slice(0, at), url.slice(at + 1)];
}

/** Echo pretty-prints JSON when the query carries `pretty` (any value, even none). */
export const prettyJson: RequestHandler = (req, res, next) => {
  if ('pretty' in req.query) {
    res.json = (body?: unknown) => res.type('application/json').send(JSON.stringify(body, null, 2));
  }
  next();
};
