import {
  AlreadyExistsError,
  AppError,
  ConflictError,
  type ErrorCode,
  type ErrorDetails,
  errorCodeFromGrpcStatus,
  ERROR_CODE_MAPPING,
  grpcStatusOf,
  InvalidArgumentError,
  isAppError,
  NotFoundError,
  ThrottledError,
  TimeoutError,
  UnauthenticatedError,
  UnavailableError,
} from '@cb/errors';
import { Metadata, status, type ServiceError, type StatusObject } from '@grpc/grpc-js';

/**
 * Trailers that carry our domain error across the wire. The gRPC status alone is lossy (several
 * domain codes share RESOURCE_EXHAUSTED) and has no room for details such as the offending field.
 */
const CODE_TRAILER = 'cb-error-code';
const DETAILS_TRAILER = 'cb-error-details';

const INTERNAL_MESSAGE = 'Internal error';

/** What a handler's failure becomes on the wire: AppErrors speak for themselves, anything else stays inside. */
export function toGrpcStatus(error: unknown): Partial<StatusObject> {
  if (!isAppError(error)) return { code: status.INTERNAL, details: INTERNAL_MESSAGE, metadata: new Metadata() };
  const metadata = new Metadata();
  metadata.set(CODE_TRAILER, error.code);
  if (error.details !== undefined) metadata.set(DETAILS_TRAILER, JSON.stringify(error.details));
  return { code: grpcStatusOf(error.code), details: error.message, metadata };
}

/** A failed call as the caller's domain error: the subclass of the code, with the peer's message. */
export function fromGrpcError(error: ServiceError): AppError {
  const code = codeOf(error);
  const message = error.details || error.message;
  const details = detailsOf(error.metadata);
  switch (code) {
    case 'INVALID_ARGUMENT':
      return new InvalidArgumentError(message, details);
    case 'UNAUTHENTICATED':
      return new UnauthenticatedError(message);
    case 'NOT_FOUND':
      return new NotFoundError(message, details);
    case 'ALREADY_EXISTS':
      return new AlreadyExistsError(message, details);
    case 'CONFLICT':
      return new ConflictError(message, details);
    case 'THROTTLED':
      return new ThrottledError(message, numberOrUndefined(details?.retryAfterMs));
    case 'UNAVAILABLE':
      return new UnavailableError(message, { cause: error });
    case 'TIMEOUT':
      return new TimeoutError(message);
    default:
      return new AppError(code, message, details, { cause: error });
  }
}

export function isServiceError(error: unknown): error is ServiceError {
  return error instanceof Error && typeof (error as Partial<ServiceError>).code === 'number';
}

function codeOf(error: ServiceError): ErrorCode {
  const fromPeer = error.metadata?.get(CODE_TRAILER)[0];
  // Trust the trailer only when it agrees with the status, so a foreign peer cannot confuse us.
  if (typeof fromPeer === 'string' && fromPeer in ERROR_CODE_MAPPING) {
    const code = fromPeer as ErrorCode;
    if (grpcStatusOf(code) === error.code) return code;
  }
  return errorCodeFromGrpcStatus(error.code);
}

function detailsOf(metadata: Metadata | undefined): ErrorDetails | undefined {
  const raw = metadata?.get(DETAILS_TRAILER)[0];
  if (typeof raw !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as ErrorDetails)
      : undefined;
  } catch {
    return undefined;
  }
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}
