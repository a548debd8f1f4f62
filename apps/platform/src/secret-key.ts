import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The key that encrypts secrets at rest (credentials, SSH keys). CB_SECRET_KEY when given; otherwise
 * one generated on the first start and kept (mode 0600) beside the data it protects, so a second
 * start can still read what the first stored.
 */
export function platformSecretKey(env: NodeJS.ProcessEnv, dataDir: string): { key: string; origin: string } {
  if (env.CB_SECRET_KEY) return { key: env.CB_SECRET_KEY, origin: 'CB_SECRET_KEY' };
  const file = join(dataDir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  chmodSync(file, 0o600);
  return { key: readFileSync(file, 'utf8').trim(), origin: file };
}
