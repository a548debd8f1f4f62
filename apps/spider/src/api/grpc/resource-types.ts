import { InvalidArgumentError } from '@cb/errors';
import {
  type CountedResourceType,
  MANAGED_RESOURCE_TYPES,
  type ManagedResourceType,
  type OwnedResourceType,
} from '@cb/spider-client';

/** A request's `resource_type`, one of `allowed` (upstream's REST names, compared without case). */
function oneOf<T extends string>(text: string, allowed: readonly T[]): T {
  const lower = text.trim().toLowerCase();
  if (!(allowed as readonly string[]).includes(lower)) {
    const shown = text === '' ? 'an empty resource_type' : `resource_type '${text}'`;
    throw new InvalidArgumentError(`${shown} is not one of ${allowed.join(', ')}`, { field: 'resource_type' });
  }
  return lower as T;
}

export const managedTypeOf = (text: string): ManagedResourceType => oneOf(text, MANAGED_RESOURCE_TYPES);

export const countedTypeOf = (text: string): CountedResourceType =>
  oneOf<CountedResourceType>(text, [...MANAGED_RESOURCE_TYPES, 'subnet']);

export const ownedTypeOf = (text: string): OwnedResourceType =>
  oneOf<OwnedResourceType>(text, ['securitygroup', 'nlb', 'cluster']);
