import { Router } from 'express';
import type { DataSource } from 'typeorm';
import { UnavailableError } from '@cb/errors';

/** Upstream's probe paths besides /readyz (which @cb/http serves with the same check). */
const PROBE_PATHS = ['/healthcheck', '/health', '/ping'];
const VERSION_PATHS = ['/version', '/ver'];

/** Open without Basic auth, as upstream. */
export const OPEN_PATHS = [...PROBE_PATHS, '/readyz', ...VERSION_PATHS];

/** `{"message":"CB-Spider is ready"}`, or 503 with upstream's "Failed to connect to database: …". */
export function createHealthRouter(dataSource: DataSource, version: string): Router {
  const router = Router();
  router.get(PROBE_PATHS, async (_req, res) => {
    try {
      await databaseAnswers(dataSource);
      res.json({ message: 'CB-Spider is ready' });
    } catch (error) {
      res.status(503).json({ message: (error as Error).message, code: 'UNAVAILABLE' });
    }
  });
  router.get(VERSION_PATHS, (_req, res) => {
    res.json({ Version: version });
  });
  return router;
}

/** Upstream's readiness is a ping of its meta DB. */
export async function databaseAnswers(dataSource: DataSource): Promise<void> {
  try {
    await dataSource.query('SELECT 1');
  } catch (error) {
    throw new UnavailableError(`Failed to connect to database: ${(error as Error).message}`);
  }
}
