export { HIDDEN_FOR_SECURITY, maskSecret } from './mask';
export { SecretBox, SecretDecryptError } from './secret-box';
export { SECRET_KEY_BYTES, SECRET_KEY_ENV, SecretKeyError, parseSecretKey, secretKeyFromEnv } from './secret-key';
