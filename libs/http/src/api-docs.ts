import { Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import type { OpenApiDocument } from './openapi';

/**
 * `openapi.json` and Swagger UI (`api-docs/`) for one service. The UI's assets come from the installed
 * swagger-ui-dist (no CDN), and `serveFiles` keeps this service's UI settings apart from other services
 * in the same process (`serve` shares one module-level init script). The UI loads `../openapi.json`,
 * relative to itself, so it also works behind a gateway that adds a path prefix.
 */
export function apiDocsRouter(document: () => OpenApiDocument, title: string): Router {
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.json(document());
  });

  const uiOptions = { swaggerOptions: { url: '../openapi.json' }, customSiteTitle: `${title} API` };
  const page = swaggerUi.setup(undefined, uiOptions);
  router.get('/api-docs', (req, res, next) => {
    // The page's asset links are relative: they need the trailing slash to resolve under api-docs/.
    if (!req.originalUrl.split('?')[0].endsWith('/')) return res.redirect(301, 'api-docs/');
    page(req, res, next);
  });
  router.use('/api-docs', swaggerUi.serveFiles(undefined, uiOptions));
  return router;
}
