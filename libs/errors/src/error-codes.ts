import type { ErrorCode } from './app-error';

/** gRPC status codes (numeric, as in grpc-js `status`), kept here so this lib needs no gRPC import. */
export const GrpcStatus = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  OUT_OF_RANGE: 11,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  DATA_LOSS: 15,
  UNAUTHENTICATED: 16,
} as const;

interface Mapping {
  http: number;
  grpc: number;
}

/** One table: domain code -> HTTP status -> gRPC status. Exhaustive by type. */
export const ERROR_CODE_MAPPING: Record<ErrorCode, Mapping> = {
  INVALID_ARGUMENT: { http: 400, grpc: GrpcStatus.INVALID_ARGUMENT },
  UNAUTHENTICATED: { http: 401, grpc: GrpcStatus.UNAUTHENTICATED },
  PERMISSION_DENIED: { http: 403, grpc: GrpcStatus.PERMISSION_DENIED },
  NOT_FOUND: { http: 404, grpc: GrpcStatus.NOT_FOUND },
  ALREADY_EXISTS: { http: 409, grpc: GrpcStatus.ALREADY_EXISTS },
  CONFLICT: { http: 409, grpc: GrpcStatus.FAILED_PRECONDITION },
  PAYLOAD_TOO_LARGE: { http: 413, grpc: GrpcStatus.RESOURCE_EXHAUSTED },
  THROTTLED: { http: 429, grpc: GrpcStatus.RESOURCE_EXHAUSTED },
  QUOTA_EXCEEDED: { http: 429, grpc: GrpcStatus.RESOURCE_EXHAUSTED },
  UNAVAILABLE: { http: 503, grpc: GrpcStatus.UNAVAILABLE },
  TIMEOUT: { http: 504, grpc: GrpcStatus.DEADLINE_EXCEEDED },
  INTERNAL: { http: 500, grpc: GrpcStatus.INTERNAL },
};

export function httpStatusOf(code: ErrorCode): number {
  return ERROR_CODE_MAPPING[code].http;
}

export function grpcStatusOf(code: ErrorCode): number {
  return ERROR_CODE_MAPPING[code].grpc;
}

/** The reverse direction, for clients: a gRPC status received from a peer -> our domain code. */
export function errorCodeFromGrpcStatus(status: number): ErrorCode {
  switch (status) {
    case GrpcStatus.INVALID_ARGUMENT:
    case GrpcStatus.OUT_OF_RANGE:
      return 'INVALID_ARGUMENT';
    case GrpcStatus.UNAUTHENTICATED:
      return 'UNAUTHENTICATED';
    case GrpcStatus.PERMISSION_DENIED:
      return 'PERMISSION_DENIED';
    case GrpcStatus.NOT_FOUND:
      return 'NOT_FOUND';
    case GrpcStatus.ALREADY_EXISTS:
      return 'ALREADY_EXISTS';
    case GrpcStatus.FAILED_PRECONDITION:
    case GrpcStatus.ABORTED:
      return 'CONFLICT';
    case GrpcStatus.RESOURCE_EXHAUSTED:
      return 'THROTTLED';
    case GrpcStatus.UNAVAILABLE:
      return 'UNAVAILABLE';
    case GrpcStatus.DEADLINE_EXCEEDED:
      return 'TIMEOUT';
    default:
      return 'INTERNAL';
  }
}
