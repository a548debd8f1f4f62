import { InvalidArgumentError } from '@cb/errors';

// Upstream's CheckString: a letter first, then letters, digits, '-' or '+', not ending with '-'.
const NAME = /^[a-z]([-a-z0-9+]*[a-z0-9])?$/i;
const MAX_LENGTH = 64;

/** Throws a 400 naming `field` unless `value` is a valid tumblebug object name. */
export function checkName(value: unknown, field = 'name'): string {
  if (typeof value !== 'string' || value === '') throw new InvalidArgumentError(`${field}: is required`);
  if (value.length > MAX_LENGTH) throw new InvalidArgumentError(`${field}: must be at most ${MAX_LENGTH} characters`);
  if (!NAME.test(value)) {
    throw new InvalidArgumentError(
      `${field}: '${value.slice(0, MAX_LENGTH)}' must start with a letter and contain only letters, digits, '-' or '+', not ending with '-'`,
    );
  }
  return value;
}

/** Upstream's ToLower: '_' and spaces become '-', letters lower case; applied to ids made from names. */
export function toLowerName(value: string): string {
  return value.replace(/[_ ]/g, '-').toLowerCase();
}
