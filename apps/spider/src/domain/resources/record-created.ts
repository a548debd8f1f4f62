import type { EntityManager } from 'typeorm';
import type { ConnectionScope } from './connection-scope';

/**
 * Writes the IID rows of something just created in the cloud, in one transaction. If that fails (a
 * concurrent create of the same name won the unique key), the cloud resource is deleted again so nothing
 * is left behind that spider does not know, and the write's error is what the caller sees.
 */
export async function recordCreated<T>(
  scope: ConnectionScope,
  write: (em: EntityManager) => Promise<T>,
  undoInCloud: () => Promise<unknown>,
): Promise<T> {
  try {
    return await scope.iids.transaction(write);
  } catch (error) {
    await undoInCloud().catch(() => undefined);
    throw error;
  }
}
