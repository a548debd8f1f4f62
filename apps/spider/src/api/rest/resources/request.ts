import { InvalidArgumentError } from '@cb/errors';
import type { Request } from 'express';
import type { z } from 'zod';

type Body = Record<string, unknown> | undefined;

const bodyOf = (req: Request): Body =>
  req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Body) : undefined;

const queryString = (req: Request, key: string): string | undefined => {
  const value = req.query[key];
  return typeof value === 'string' ? value : undefined;
};

/**
 * Upstream reads `ConnectionName` from the JSON body, and GETs fall back to the query (sp#557). We accept
 * both on every method, body first (a strict superset: upstream's DELETEs read only the body).
 */
export function connectionNameOf(req: Request): string | undefined {
  const fromBody = bodyOf(req)?.ConnectionName;
  if (typeof fromBody === 'string' && fromBody.trim()) return fromBody;
  return queryString(req, 'ConnectionName');
}

/** `?force=true` (the literal string, as upstream). */
export const forceOf = (req: Request) => queryString(req, 'force') === 'true';

/** `"IDTransformMode": "OFF"` in the body passes the user's name to the cloud unchanged (sp#1133). */
export const idTransformOf = (req: Request) => String(bodyOf(req)?.IDTransformMode ?? 'ON').toUpperCase() !== 'OFF';

/**
 * Validates `ReqInfo` against `schema`. A missing or empty required field answers upstream's text
 * ("resources.VMReqInfo:VMSpecName's input value is empty!"); any other problem names the field.
 */
export function reqInfoOf<S extends z.ZodType>(req: Request, schema: S, structName: string): z.infer<S> {
  const reqInfo = bodyOf(req)?.ReqInfo;
  if (reqInfo === undefined || reqInfo === null) {
    throw new InvalidArgumentError(`resources.${structName}: ReqInfo is empty!`, { field: 'ReqInfo' });
  }
  const parsed = schema.safeParse(reqInfo);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue.path.map(String);
  const field = ['ReqInfo', ...path].join('.');
  const value = path.reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], reqInfo);
  const empty = value === undefined || value === null || value === '';
  const message = empty
    ? `resources.${structName}:${path.join('.')}'s input value is empty!`
    : `${field}: ${issue.message}`;
  throw new InvalidArgumentError(message, { field });
}
