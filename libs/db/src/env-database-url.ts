import { z } from 'zod';
import { parseDatabaseUrl } from './database-url';

/**
 * The DATABASE_URL variable of a service's environment schema: required, a postgres URL, and a
 * problem reported in the variable's name (never with the password).
 */
export function envDatabaseUrl(database: string) {
  return z.string({ error: `is required (postgres://user:password@host:port/${database})` }).transform((url, ctx) => {
    try {
      return parseDatabaseUrl(url).url;
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });
}
