/**
 * The domain's error family. Domain code throws these; each transport (REST, gRPC) translates
 * them once, at its edge, through the table in error-codes.ts.
 */
export type ErrorCode =
  | 'INVALID_ARGUMENT'
  | 'UNAUTHENTICATED'
  | 'PERMISSION_DENIED'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'THROTTLED'
  | 'QUOTA_EXCEEDED'
  | 'UNAVAILABLE'
  | 'TIMEOUT'
  | 'INTERNAL';

export interface ErrorDetails {
  /** The request field the error is about, e.g. `ReqInfo.IPv4_CIDR`. */
  field?: string;
  [key: string]: unknown;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class InvalidArgumentError extends AppError {
  constructor(message: string, details?: ErrorDetails) {
    super('INVALID_ARGUMENT', message, details);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Unauthorized') {
    super('UNAUTHENTICATED', message);
  }
}

export class NotFoundError extends AppError {
  constructor(message: string, details?: ErrorDetails) {
    super('NOT_FOUND', message, details);
  }
}

export class AlreadyExistsError extends AppError {
  constructor(message: string, details?: ErrorDetails) {
    super('ALREADY_EXISTS', message, details);
  }
}

/** The request is valid but the current state forbids it (e.g. deleting what is still in use). */
export class ConflictError extends AppError {
  constructor(message: string, details?: ErrorDetails) {
    super('CONFLICT', message, details);
  }
}

export class ThrottledError extends AppError {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super('THROTTLED', message, retryAfterMs === undefined ? undefined : { retryAfterMs });
  }
}

export class UnavailableError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('UNAVAILABLE', message, undefined, options);
  }
}

export class TimeoutError extends AppError {
  constructor(message: string) {
    super('TIMEOUT', message);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
