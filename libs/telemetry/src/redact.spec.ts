import { isSecretKey, REDACTED, redactSecrets } from './redact';

describe('redactSecrets', () => {
  it('replaces secret-looking keys at any depth, in any casing', () => {
    const input = {
      user: 'admin',
      password: 'p1',
      nested: { deeper: { ClientSecret: 'p2', VMUserPasswd: 'p3', api_key: 'p4' } },
      headers: { Authorization: 'Basic YWRtaW46cDE=' },
      list: [{ PrivateKey: '-----BEGIN RSA PRIVATE KEY-----\nabc' }],
    };
    const out = redactSecrets(input);
    expect(out).toEqual({
      user: 'admin',
      password: REDACTED,
      nested: { deeper: { ClientSecret: REDACTED, VMUserPasswd: REDACTED, api_key: REDACTED } },
      headers: { Authorization: REDACTED },
      list: [{ PrivateKey: REDACTED }],
    });
    expect(input.password).toBe('p1');
  });

  it("hides every value of upstream's KeyValueInfoList (cloud credentials) but keeps the key names", () => {
    const out = redactSecrets({
      CredentialName: 'aws-cred-01',
      KeyValueInfoList: [
        { Key: 'ClientId', Value: 'AKIAEXAMPLE' },
        { Key: 'ClientSecret', Value: 'wJalrXUtnFEMI' },
      ],
    });
    expect(out).toEqual({
      CredentialName: 'aws-cred-01',
      KeyValueInfoList: [
        { Key: 'ClientId', Value: REDACTED },
        { Key: 'ClientSecret', Value: REDACTED },
      ],
    });
  });

  it('hides the value of a key/value pair whose key names a secret, wherever the list is', () => {
    const out = redactSecrets({
      keyValueList: [
        { key: 'Region', value: 'us-east-1' },
        { key: 'token', value: 't0' },
      ],
    });
    expect(out).toEqual({
      keyValueList: [
        { key: 'Region', value: 'us-east-1' },
        { key: 'token', value: REDACTED },
      ],
    });
  });

  it('hides secret-shaped strings under innocent keys', () => {
    const out = redactSecrets({
      note: '-----BEGIN OPENSSH PRIVATE KEY-----\nxyz',
      header: 'Bearer abc.def',
      url: 'postgres://app:hunter2@db:5432/spider',
      plain: 'hello',
    });
    expect(out).toEqual({ note: REDACTED, header: REDACTED, url: REDACTED, plain: 'hello' });
  });

  it('treats names of secrets as plain data and survives cycles', () => {
    expect(isSecretKey('CredentialName')).toBe(false);
    expect(isSecretKey('secretRef')).toBe(false);
    expect(isSecretKey('credential')).toBe(true);
    const cyclic: Record<string, unknown> = { token: 'x' };
    cyclic.self = cyclic;
    expect(redactSecrets(cyclic)).toEqual({ token: REDACTED, self: '[Circular]' });
  });

  it('writes errors as plain fields (with their cause) and scrubs what they carry', () => {
    const cause = Object.assign(new Error('connect refused'), { password: 'p9' });
    const error = Object.assign(new Error('sync failed', { cause }), { request: { token: 't9', id: 7 } });
    const out = redactSecrets<unknown>({ err: error, at: new Date('2026-01-02T03:04:05Z') }) as {
      err: Record<string, unknown>;
      at: unknown;
    };
    expect(out.err).toMatchObject({ type: 'Error', message: 'sync failed', request: { token: REDACTED, id: 7 } });
    expect(out.err.cause).toMatchObject({ message: 'connect refused', password: REDACTED });
    expect(out.at).toBe('2026-01-02T03:04:05.000Z');
  });
});
