import { InvalidArgumentError } from '@cb/errors';
import type { Request } from 'express';
import type { z } from 'zod';
import { reqInfoOf } from '../rest/resources/request';

/**
 * Validates a request with the REST API's own ReqInfo schemas, so both APIs refuse the same input with
 * the same words ("resources.VPCReqInfo:Name's input value is empty!").
 */
export function valid<S extends z.ZodType>(value: unknown, schema: S, structName: string): z.infer<S> {
  return reqInfoOf({ body: { ReqInfo: value }, query: {} } as unknown as Request, schema, structName);
}

/** gRPC asks for the ID-transformed cloud names, upstream's default. */
export const ID_TRANSFORM = true;

/** A message field the call cannot do without: its absence names the field instead of failing obscurely. */
export function requiredPart<T>(value: T | undefined, field: string): T {
  if (value === undefined || value === '') throw new InvalidArgumentError(`${field} is required`, { field });
  return value;
}
