import { ConflictError, NotFoundError } from '@cb/errors';

/** Upstream's text for any unknown CIM name (driver, credential, region, connection config). */
export function doesNotExist(name: string, field?: string): NotFoundError {
  return new NotFoundError(`${name}: does not exist!`, field ? { field } : undefined);
}

export type CimKind = 'driver' | 'credential' | 'region';

/** Refusing to orphan connection configs: upstream deletes silently, we name who still uses it. */
export function stillInUse(kind: CimKind, name: string, usedBy: string[]): ConflictError {
  return new ConflictError(
    `${kind} '${name}' is in use by connection config(s) ${usedBy.map((c) => `'${c}'`).join(', ')}: delete them first`,
    { usedBy },
  );
}

export function providerChangeInUse(kind: CimKind, name: string, from: string, to: string, usedBy: string[]) {
  return new ConflictError(
    `${kind} '${name}' of ${from} cannot become ${to}: it is in use by connection config(s) ${usedBy.map((c) => `'${c}'`).join(', ')}`,
    { field: 'ProviderName', usedBy },
  );
}
