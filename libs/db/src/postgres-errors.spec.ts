import { QueryFailedError } from 'typeorm';
import {
  constraintOf,
  isForeignKeyViolation,
  isRetryableTransactionError,
  isUniqueViolation,
  sqlStateOf,
} from './postgres-errors';

function failed(code: string, constraint?: string) {
  return new QueryFailedError('INSERT ...', [], Object.assign(new Error('db said no'), { code, constraint }));
}

describe('postgres error helpers', () => {
  it('reads the SQLSTATE through a TypeORM QueryFailedError and from a raw pg error', () => {
    expect(sqlStateOf(failed('23505'))).toBe('23505');
    expect(sqlStateOf(Object.assign(new Error('raw'), { code: '23503' }))).toBe('23503');
  });

  it('ignores errors that carry no SQLSTATE, such as network errors', () => {
    expect(sqlStateOf(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBeUndefined();
    expect(sqlStateOf(undefined)).toBeUndefined();
    expect(isUniqueViolation(new Error('plain'))).toBe(false);
  });

  it('classifies unique, foreign-key and retryable failures', () => {
    expect(isUniqueViolation(failed('23505'))).toBe(true);
    expect(isForeignKeyViolation(failed('23503'))).toBe(true);
    expect(isForeignKeyViolation(failed('23505'))).toBe(false);
    expect(isRetryableTransactionError(failed('40001'))).toBe(true);
    expect(isRetryableTransactionError(failed('40P01'))).toBe(true);
    expect(isRetryableTransactionError(failed('23505'))).toBe(false);
  });

  it('names the violated constraint', () => {
    expect(constraintOf(failed('23505', 'uq_connection_name'))).toBe('uq_connection_name');
  });
});
