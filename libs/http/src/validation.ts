import { InvalidArgumentError } from '@cb/errors';
import type { Request } from 'express';
import { z } from 'zod';

/** Where in the request a value came from; named in the error when the problem is the whole part. */
export type RequestPart = 'body' | 'query' | 'params' | 'headers';

export interface FieldProblem {
  field: string;
  message: string;
}

/** `['ReqInfo', 'SubnetInfoList', 0, 'IPv4_CIDR']` → `ReqInfo.SubnetInfoList[0].IPv4_CIDR`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((joined, key) => {
    if (typeof key === 'number') return `${joined}[${key}]`;
    return joined === '' ? String(key) : `${joined}.${String(key)}`;
  }, '');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** One problem in the user's words. Messages name fields and expectations, never the values sent. */
function problemOf(issue: z.core.$ZodIssue, input: unknown, part: RequestPart): FieldProblem {
  if (issue.code === 'unrecognized_keys') {
    const field = fieldPath([...issue.path, issue.keys[0]]);
    return { field, message: 'is not a known field' };
  }
  const field = fieldPath(issue.path) || part;
  if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) {
    return { field, message: 'is required' };
  }
  return { field, message: issue.message.replace(/^Invalid input: /, '') };
}

const MAX_REPORTED_PROBLEMS = 20;

/**
 * Parses one part of a request with a zod schema: the typed value, or an InvalidArgumentError (400)
 * whose message names the first bad field (`ReqInfo.IPv4_CIDR: invalid CIDR`) and whose details list
 * them all. Express 5's `req.query` is read-only, so parsed values are returned, never written back.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, part: RequestPart): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, MAX_REPORTED_PROBLEMS).map((issue) => problemOf(issue, input, part));
  const [first] = problems;
  throw new InvalidArgumentError(`${first.field}: ${first.message}`, { field: first.field, in: part, problems });
}

export function parseBody<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  return parseInput(schema, req.body, 'body');
}

export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  return parseInput(schema, req.query, 'query');
}

export function parseParams<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  return parseInput(schema, req.params, 'params');
}
