import { InvalidArgumentError } from '@cb/errors';

export interface DatabaseUrl {
  /** The URL as given (normalised); it may carry a password, so never log it: log `redacted`. */
  url: string;
  /** The same URL with the password replaced by `***`, safe for logs and error messages. */
  redacted: string;
  host: string;
  port: number;
  user: string;
  database: string;
}

const EXAMPLE = 'postgres://user:password@host:5432/database';

function redact(url: URL): string {
  const copy = new URL(url.toString());
  if (copy.password) copy.password = '***';
  return copy.toString();
}

/**
 * Validates a PostgreSQL connection URL and splits it into parts. Every failure names the
 * variable it came from (DATABASE_URL unless told otherwise) and never echoes a password.
 */
export function parseDatabaseUrl(value: string | undefined, variable = 'DATABASE_URL'): DatabaseUrl {
  const invalid = (why: string) =>
    new InvalidArgumentError(`${variable} ${why} (expected ${EXAMPLE})`, { field: variable });
  if (value === undefined || value.trim() === '') throw invalid('is empty');
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw invalid('is not a valid URL');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw invalid(`has scheme "${url.protocol.replace(/:$/, '')}", not postgres or postgresql`);
  }
  if (!url.hostname) throw invalid('has no host');
  const port = url.port ? Number(url.port) : 5432;
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!database) throw invalid(`names no database: ${redact(url)}`);
  if (database.includes('/')) throw invalid(`has a path that is not one database name: ${redact(url)}`);
  return {
    url: url.toString(),
    redacted: redact(url),
    host: url.hostname,
    port,
    user: decodeURIComponent(url.username) || 'postgres',
    database,
  };
}

/** The same server and credentials, another database: how each service derives its own URL. */
export function withDatabase(url: string, database: string, variable = 'DATABASE_URL'): string {
  const parsed = new URL(parseDatabaseUrl(url, variable).url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}
