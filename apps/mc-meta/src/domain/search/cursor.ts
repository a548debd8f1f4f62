import { InvalidArgumentError } from '@cb/errors';

export type CursorValue = string | number | null;

/**
 * Keyset pagination: the cursor is the sort key of the last item returned, tagged with the sort it belongs to,
 * so the next page starts strictly after it and stays stable while rows are added elsewhere.
 */
export function encodeCursor(sort: string, values: CursorValue[]): string {
  return Buffer.from(JSON.stringify({ s: sort, v: values })).toString('base64url');
}

export function decodeCursor(cursor: string, sort: string, shape: ('string' | 'number')[]): CursorValue[] {
  const bad = (why: string) => new InvalidArgumentError(`cursor: ${why}`, { field: 'cursor' });
  if (cursor.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw bad('is not a cursor this API returned');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad('is not a cursor this API returned');
  }
  const { s, v } = (parsed ?? {}) as { s?: unknown; v?: unknown };
  if (s !== sort) throw bad(`belongs to another sort order; start again without a cursor`);
  if (!Array.isArray(v) || v.length !== shape.length) throw bad('is not a cursor this API returned');
  v.forEach((value, i) => {
    const ok = value === null || typeof value === shape[i];
    if (!ok || (typeof value === 'number' && !Number.isFinite(value))) throw bad('is not a cursor this API returned');
  });
  return v as CursorValue[];
}
