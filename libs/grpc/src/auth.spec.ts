import { UnauthenticatedError } from '@cb/errors';
import { Metadata } from '@grpc/grpc-js';
import { addBearerToken, requireBearerToken } from './auth';

describe('shared bearer token', () => {
  const withAuthorization = (value?: string) => {
    const metadata = new Metadata();
    if (value !== undefined) metadata.set('authorization', value);
    return metadata;
  };

  it('accepts the token it was given', () => {
    const metadata = new Metadata();
    addBearerToken(metadata, 'tok-1');
    expect(() => requireBearerToken(metadata, 'tok-1')).not.toThrow();
  });

  it.each([
    ['no header', undefined],
    ['another token', 'Bearer tok-2'],
    ['a longer token', 'Bearer tok-1-and-more'],
    ['the token without the scheme', 'tok-1'],
    ['another scheme', 'Basic tok-1'],
  ])('refuses %s', (_case, value) => {
    expect(() => requireBearerToken(withAuthorization(value), 'tok-1')).toThrow(UnauthenticatedError);
  });
});
