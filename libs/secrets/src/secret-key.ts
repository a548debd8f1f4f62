import { InvalidArgumentError } from '@cb/errors';

/** The environment variable holding the 32-byte AES key, base64. */
export const SECRET_KEY_ENV = 'CB_SECRET_KEY';
export const SECRET_KEY_BYTES = 32;

/** A malformed or missing key: the message names the variable and never echoes its value. */
export class SecretKeyError extends InvalidArgumentError {
  constructor(message: string) {
    super(message, { field: SECRET_KEY_ENV });
  }
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$|^[A-Za-z0-9_-]+$/;

/** Decodes a base64 (or base64url) 32-byte key, e.g. from `openssl rand -base64 32`. */
export function parseSecretKey(encoded: string | undefined, variable = SECRET_KEY_ENV): Buffer {
  const text = encoded?.trim() ?? '';
  if (!text) {
    throw new SecretKeyError(`${variable} is not set: give a 32-byte key in base64 (e.g. openssl rand -base64 32)`);
  }
  if (!BASE64.test(text)) throw new SecretKeyError(`${variable} is not base64`);
  const key = Buffer.from(text, text.includes('-') || text.includes('_') ? 'base64url' : 'base64');
  if (key.length !== SECRET_KEY_BYTES) {
    throw new SecretKeyError(`${variable} must decode to ${SECRET_KEY_BYTES} bytes, got ${key.length}`);
  }
  return key;
}

/** The key from the environment (`CB_SECRET_KEY`). */
export function secretKeyFromEnv(env: NodeJS.ProcessEnv = process.env): Buffer {
  return parseSecretKey(env[SECRET_KEY_ENV]);
}
