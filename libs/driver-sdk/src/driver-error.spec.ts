import { AppError } from '@cb/errors';
import { DRIVER_ERROR_KINDS, DriverError, isDriverError, toAppError } from './driver-error';

describe('toAppError', () => {
  it('maps every driver error kind to a platform error code', () => {
    const codes = Object.fromEntries(
      DRIVER_ERROR_KINDS.map((kind) => [kind, toAppError(new DriverError(kind, 'm')).code]),
    );
    expect(codes).toEqual({
      NOT_FOUND: 'NOT_FOUND',
      ALREADY_EXISTS: 'ALREADY_EXISTS',
      THROTTLED: 'THROTTLED',
      QUOTA_EXCEEDED: 'QUOTA_EXCEEDED',
      INVALID_ARGUMENT: 'INVALID_ARGUMENT',
      CONFLICT: 'CONFLICT',
      TRANSIENT: 'UNAVAILABLE',
      UNSUPPORTED: 'INVALID_ARGUMENT',
    });
  });

  it('keeps the retry hint of a throttled call', () => {
    const error = toAppError(new DriverError('THROTTLED', 'slow down', { retryAfterMs: 250 }));
    expect(error.details).toEqual({ retryAfterMs: 250 });
    expect(error.message).toBe('slow down');
  });

  it('treats anything else a driver throws as an internal error', () => {
    const error = toAppError(new TypeError('x is undefined'));
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('INTERNAL');
  });

  it('recognises a DriverError from another copy of the SDK by its shape', () => {
    const foreign = Object.assign(new Error('gone'), { name: 'DriverError', kind: 'NOT_FOUND' });
    expect(isDriverError(foreign)).toBe(true);
    expect(toAppError(foreign).code).toBe('NOT_FOUND');
    expect(isDriverError(Object.assign(new Error('x'), { name: 'DriverError', kind: 'BOGUS' }))).toBe(false);
  });
});
