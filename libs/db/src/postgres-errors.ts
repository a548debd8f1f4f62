import { QueryFailedError } from 'typeorm';

/** SQLSTATE codes the services react to; see the PostgreSQL manual, appendix A. */
export const SqlState = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
} as const;

/** The SQLSTATE of a failed query, whether it arrives wrapped by TypeORM or raw from pg. */
export function sqlStateOf(err: unknown): string | undefined {
  const source = err instanceof QueryFailedError ? err.driverError : err;
  const code = (source as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** The constraint a failed query violated, e.g. to tell which unique key clashed. */
export function constraintOf(err: unknown): string | undefined {
  const source = err instanceof QueryFailedError ? err.driverError : err;
  const constraint = (source as { constraint?: unknown } | null)?.constraint;
  return typeof constraint === 'string' ? constraint : undefined;
}

export const isUniqueViolation = (err: unknown) => sqlStateOf(err) === SqlState.uniqueViolation;
export const isForeignKeyViolation = (err: unknown) => sqlStateOf(err) === SqlState.foreignKeyViolation;

/** Serialization failures and deadlocks: the transaction did nothing and may simply be retried. */
export const isRetryableTransactionError = (err: unknown) => {
  const state = sqlStateOf(err);
  return state === SqlState.serializationFailure || state === SqlState.deadlockDetected;
};
