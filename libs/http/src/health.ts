import { isAppError } from '@cb/errors';
import { Router } from 'express';
import type { HttpLogger } from './http-logger';

/** Resolves when the service can serve (a string overrides the "is ready" message); throws when it cannot. */
export type ReadinessCheck = () => Promise<void | string>;

/**
 * `livez`: the process answers. `readyz`: the service's own check passes (database reachable, ...).
 * Upstream's readyz answers `{"message":"CB-Spider is ready"}`, so `displayName` is that service name.
 */
export function healthRouter(displayName: string, readiness: ReadinessCheck, logger: HttpLogger): Router {
  const router = Router();
  router.get('/livez', (_req, res) => {
    res.json({ message: `${displayName} is alive` });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      const message = await readiness();
      res.json({ message: message || `${displayName} is ready` });
    } catch (error) {
      // An AppError's message is written for users; anything else may carry internals, so it is only logged.
      logger.warn({ err: error, requestId: res.locals.requestId }, 'readiness check failed');
      const reason = isAppError(error) ? `: ${error.message}` : '';
      res.status(503).json({ message: `${displayName} is not ready${reason}`, code: 'UNAVAILABLE' });
    }
  });
  return router;
}
