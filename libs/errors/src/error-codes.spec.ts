import { AlreadyExistsError, AppError, type ErrorCode, NotFoundError } from './app-error';
import { ERROR_CODE_MAPPING, errorCodeFromGrpcStatus, grpcStatusOf, GrpcStatus, httpStatusOf } from './error-codes';

describe('error code mapping', () => {
  it('maps client errors to 4xx and server-side errors to 5xx', () => {
    const clientCodes: ErrorCode[] = ['INVALID_ARGUMENT', 'NOT_FOUND', 'ALREADY_EXISTS', 'CONFLICT', 'THROTTLED'];
    for (const code of clientCodes) expect(httpStatusOf(code)).toBeGreaterThanOrEqual(400);
    for (const code of clientCodes) expect(httpStatusOf(code)).toBeLessThan(500);
    expect(httpStatusOf('UNAVAILABLE')).toBe(503);
    expect(httpStatusOf('INTERNAL')).toBe(500);
  });

  it('round-trips every code that has a distinct gRPC status', () => {
    for (const code of Object.keys(ERROR_CODE_MAPPING) as ErrorCode[]) {
      const back = errorCodeFromGrpcStatus(grpcStatusOf(code));
      expect(grpcStatusOf(back)).toBe(grpcStatusOf(code));
    }
  });

  it('treats unknown gRPC statuses as internal', () => {
    expect(errorCodeFromGrpcStatus(GrpcStatus.UNKNOWN)).toBe('INTERNAL');
    expect(errorCodeFromGrpcStatus(999)).toBe('INTERNAL');
  });

  it('keeps the subclass name and code on thrown errors', () => {
    const error: AppError = new NotFoundError("VPC 'v1' does not exist in connection 'c1'", { field: 'Name' });
    expect(error).toBeInstanceOf(AppError);
    expect(error.name).toBe('NotFoundError');
    expect(error.code).toBe('NOT_FOUND');
    expect(error.details).toEqual({ field: 'Name' });
    expect(new AlreadyExistsError('x').code).toBe('ALREADY_EXISTS');
  });
});
