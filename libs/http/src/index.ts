export { createHttpApp, type HttpApp, type HttpAppOptions } from './create-http-app';
export type { BasicAuthCredentials } from './basic-auth';
export type { CorsOptions } from './cors';
export { type ErrorBody } from './error-handler';
export type { ReadinessCheck } from './health';
export type { HttpLogger } from './http-logger';
export {
  type HttpMethod,
  OpenApiBuilder,
  type OpenApiDocument,
  type OpenApiInfo,
  type OpenApiOperation,
  type OpenApiResponse,
} from './openapi';
export { REQUEST_ID_HEADER, requestIdOf } from './request-id';
export {
  fieldPath,
  type FieldProblem,
  parseBody,
  parseInput,
  parseParams,
  parseQuery,
  type RequestPart,
} from './validation';
