import { InvalidArgumentError } from '@cb/errors';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SECRET_KEY_BYTES } from './secret-key';

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12; // GCM's recommended nonce size
const TAG_BYTES = 16;

/** Stored ciphertext that cannot be opened (tampered, wrong key, or not ours). Never carries the value. */
export class SecretDecryptError extends InvalidArgumentError {}

/**
 * Seals secret strings for storage: `v1:<iv>:<tag>:<data>`, each part base64. The version prefix lets a
 * later format (or key rotation) live beside old rows.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== SECRET_KEY_BYTES) {
      throw new InvalidArgumentError(`secret key must be ${SECRET_KEY_BYTES} bytes, got ${key.length}`);
    }
    this.key = Buffer.from(key);
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv);
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, iv.toString('base64'), tag.toString('base64'), data.toString('base64')].join(':');
  }

  decrypt(sealed: string): string {
    const parts = sealed.split(':');
    if (parts.length !== 4 || parts[0] !== VERSION) {
      throw new SecretDecryptError(`stored secret is not in the ${VERSION} format`);
    }
    const [, iv, tag, data] = parts.map((part) => Buffer.from(part, 'base64'));
    if (iv!.length !== IV_BYTES || tag!.length !== TAG_BYTES) {
      throw new SecretDecryptError(`stored secret has a malformed ${VERSION} header`);
    }
    try {
      const decipher = createDecipheriv(ALGORITHM, this.key, iv!);
      decipher.setAuthTag(tag!);
      return Buffer.concat([decipher.update(data!), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretDecryptError('stored secret cannot be decrypted (wrong key or tampered data)');
    }
  }

  /** True when the text looks like something this box sealed (used to refuse double encryption). */
  static isSealed(text: string): boolean {
    return text.startsWith(`${VERSION}:`) && text.split(':').length === 4;
  }
}
