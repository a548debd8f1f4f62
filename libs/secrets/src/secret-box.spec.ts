import { randomBytes } from 'node:crypto';
import { HIDDEN_FOR_SECURITY, maskSecret } from './mask';
import { SecretBox, SecretDecryptError } from './secret-box';
import { parseSecretKey, SecretKeyError, secretKeyFromEnv } from './secret-key';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('round-trips a secret through the v1 format without the plaintext in it', () => {
    const sealed = box.encrypt('my-aws-secret-key');
    expect(sealed).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(sealed).not.toContain('my-aws-secret-key');
    expect(Buffer.from(sealed.split(':')[3]!, 'base64').toString('utf8')).not.toContain('aws');
    expect(box.decrypt(sealed)).toBe('my-aws-secret-key');
  });

  it('uses a fresh nonce each time, so equal secrets do not look equal at rest', () => {
    expect(box.encrypt('same')).not.toBe(box.encrypt('same'));
  });

  it('round-trips empty and multi-line unicode secrets', () => {
    const key = '-----BEGIN PRIVATE KEY-----\nÄß€ 🔑\n-----END PRIVATE KEY-----\n';
    expect(box.decrypt(box.encrypt(key))).toBe(key);
    expect(box.decrypt(box.encrypt(''))).toBe('');
  });

  it('refuses tampered data and a wrong key, never echoing the value', () => {
    const sealed = box.encrypt('secret-value');
    const parts = sealed.split(':');
    const data = Buffer.from(parts[3]!, 'base64');
    data[0] = data[0]! ^ 1;
    const tampered = [...parts.slice(0, 3), data.toString('base64')].join(':');
    expect(() => box.decrypt(tampered)).toThrow(SecretDecryptError);
    expect(() => new SecretBox(randomBytes(32)).decrypt(sealed)).toThrow(/wrong key or tampered/);
  });

  it('refuses text that is not in the v1 format', () => {
    expect(() => box.decrypt('plaintext')).toThrow(/not in the v1 format/);
    expect(() => box.decrypt('v2:a:b:c')).toThrow(/not in the v1 format/);
    expect(() => box.decrypt('v1:AAAA:AAAA:AAAA')).toThrow(/malformed v1 header/);
    expect(SecretBox.isSealed(box.encrypt('x'))).toBe(true);
    expect(SecretBox.isSealed('x')).toBe(false);
  });

  it('refuses a key of the wrong size', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('secret key from the environment', () => {
  it('decodes a 32-byte base64 key', () => {
    const key = randomBytes(32);
    expect(secretKeyFromEnv({ CB_SECRET_KEY: key.toString('base64') }).equals(key)).toBe(true);
    expect(parseSecretKey(key.toString('base64url')).equals(key)).toBe(true);
  });

  it('names the variable when the key is missing, not base64 or the wrong length', () => {
    expect(() => secretKeyFromEnv({})).toThrow(SecretKeyError);
    expect(() => secretKeyFromEnv({})).toThrow(/CB_SECRET_KEY is not set/);
    expect(() => parseSecretKey('not base64 at all!')).toThrow(/CB_SECRET_KEY is not base64/);
    expect(() => parseSecretKey(randomBytes(16).toString('base64'))).toThrow(
      /CB_SECRET_KEY must decode to 32 bytes, got 16/,
    );
  });

  it('does not echo the key in its errors', () => {
    const short = randomBytes(31).toString('base64');
    expect(() => parseSecretKey(short)).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(short) }),
    );
  });
});

describe('maskSecret', () => {
  it("answers upstream's mask whatever the secret", () => {
    expect(maskSecret('abc')).toBe('Hidden for security.');
    expect(maskSecret()).toBe(HIDDEN_FOR_SECURITY);
  });
});
