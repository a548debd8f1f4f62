import { createHash, timingSafeEqual } from 'node:crypto';
import type { AuthenticatedConsumer } from './types';

export interface ConsumerRecord {
  username: string;
  id?: string;
  basicauthCredentials: Array<{ username: string; password: string }>;
  keyauthCredentials: Array<{ key: string; id?: string }>;
}

/** Compares secrets through their digests so the comparison takes the same time whatever the input. */
function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(expected).digest());
}

function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The consumers of kong.yml and their credentials, looked up by the auth plugins. */
export class ConsumerDirectory {
  private readonly basic = new Map<string, { consumer: ConsumerRecord; password: string }>();
  /** Keyed by the key's digest: a map lookup on the raw key would leak timing about stored keys. */
  private readonly keys = new Map<string, { consumer: ConsumerRecord; id?: string }>();

  constructor(consumers: ConsumerRecord[]) {
    for (const consumer of consumers) {
      for (const credential of consumer.basicauthCredentials) {
        this.basic.set(credential.username, { consumer, password: credential.password });
      }
      for (const credential of consumer.keyauthCredentials) {
        this.keys.set(digest(credential.key), { consumer, id: credential.id });
      }
    }
  }

  byBasicCredentials(username: string, password: string): AuthenticatedConsumer | undefined {
    const entry = this.basic.get(username);
    if (!entry || !sameSecret(password, entry.password)) return undefined;
    return { username: entry.consumer.username, id: entry.consumer.id, credential: username };
  }

  byKey(key: string): AuthenticatedConsumer | undefined {
    const entry = this.keys.get(digest(key));
    if (!entry) return undefined;
    // The credential identifier sent upstream is the credential's id, never the key itself.
    return { username: entry.consumer.username, id: entry.consumer.id, credential: entry.id };
  }
}
