import {
  AlreadyExistsError,
  AppError,
  ConflictError,
  InvalidArgumentError,
  NotFoundError,
  ThrottledError,
  UnavailableError,
} from '@cb/errors';

export type DriverErrorKind =
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'THROTTLED'
  | 'QUOTA_EXCEEDED'
  | 'INVALID_ARGUMENT'
  /** The current state of the resource forbids the call (e.g. reboot a suspended VM). */
  | 'CONFLICT'
  /** Worth retrying: the cloud failed this time, not because of the request. */
  | 'TRANSIENT'
  | 'UNSUPPORTED';

export const DRIVER_ERROR_KINDS: readonly DriverErrorKind[] = [
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'THROTTLED',
  'QUOTA_EXCEEDED',
  'INVALID_ARGUMENT',
  'CONFLICT',
  'TRANSIENT',
  'UNSUPPORTED',
];

/** The only error a driver throws on purpose. Anything else reaching the runtime is a driver bug. */
export class DriverError extends Error {
  readonly retryAfterMs?: number;

  constructor(
    readonly kind: DriverErrorKind,
    message: string,
    options?: { retryAfterMs?: number; cause?: unknown },
  ) {
    super(message, { cause: options?.cause });
    this.name = 'DriverError';
    this.retryAfterMs = options?.retryAfterMs;
  }

  get retryable(): boolean {
    return this.kind === 'THROTTLED' || this.kind === 'TRANSIENT';
  }
}

/**
 * Structural check rather than instanceof: a driver loaded at run time may bundle its own copy of the
 * SDK, whose DriverError class is not ours.
 */
export function isDriverError(error: unknown): error is DriverError {
  if (error instanceof DriverError) return true;
  if (!(error instanceof Error) || error.name !== 'DriverError') return false;
  return DRIVER_ERROR_KINDS.includes((error as { kind?: DriverErrorKind }).kind as DriverErrorKind);
}

/** Translates a driver's failure into the platform's error family, once, at the runtime's edge. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (!isDriverError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return new AppError('INTERNAL', `driver failed: ${message}`, undefined, { cause: error });
  }
  switch (error.kind) {
    case 'NOT_FOUND':
      return new NotFoundError(error.message);
    case 'ALREADY_EXISTS':
      return new AlreadyExistsError(error.message);
    case 'THROTTLED':
      return new ThrottledError(error.message, error.retryAfterMs);
    case 'QUOTA_EXCEEDED':
      return new AppError('QUOTA_EXCEEDED', error.message);
    case 'INVALID_ARGUMENT':
      return new InvalidArgumentError(error.message);
    case 'CONFLICT':
      return new ConflictError(error.message);
    case 'TRANSIENT':
      return new UnavailableError(error.message, { cause: error });
    case 'UNSUPPORTED':
      return new InvalidArgumentError(error.message, { unsupported: true });
  }
}
