import { ConflictError, NotFoundError } from '@cb/errors';
import { randomUUID } from 'node:crypto';
import { checkName } from './name-rules';
import { type Namespace, type NamespaceContentCounter, type NamespaceStore, SYSTEM_NAMESPACE } from './namespace';

/** Upstream's namespace middleware message for a bad or unknown nsId. */
export const NOT_VALID_NAMESPACE = 'Not valid namespace';

/** Namespaces: create, read, rename/describe, delete only when empty. */
export class NamespaceService {
  private readonly counters: NamespaceContentCounter[] = [];

  constructor(private readonly store: NamespaceStore) {}

  /** MCIS (and anything else holding objects in a namespace) registers how to count them. */
  addContentCounter(counter: NamespaceContentCounter): void {
    this.counters.push(counter);
  }

  async create(input: { name: unknown; description?: unknown }): Promise<Namespace> {
    const name = checkName(input.name);
    return this.store.insert({
      id: name,
      uid: randomUUID(),
      name,
      description: typeof input.description === 'string' ? input.description : '',
    });
  }

  /** The system namespace exists from the start: specs and images are fetched into it. */
  async ensureSystemNamespace(): Promise<void> {
    if (await this.store.find(SYSTEM_NAMESPACE)) return;
    await this.create({ name: SYSTEM_NAMESPACE, description: 'System namespace: specs and images' }).catch((error) => {
      if (!(error instanceof ConflictError)) throw error; // created meanwhile by another instance
    });
  }

  list(): Promise<Namespace[]> {
    return this.store.list();
  }

  async get(nsId: string): Promise<Namespace> {
    const ns = await this.store.find(nsId);
    if (!ns) throw new NotFoundError(NOT_VALID_NAMESPACE, { nsId });
    return ns;
  }

  /** Throws 404 "Not valid namespace" unless it exists; every /ns/{nsId}/... route starts here. */
  async require(nsId: string): Promise<void> {
    await this.get(nsId);
  }

  async update(nsId: string, input: { name?: unknown; description?: unknown }): Promise<Namespace> {
    const current = await this.get(nsId);
    const name = input.name === undefined ? current.name : checkName(input.name);
    const description = typeof input.description === 'string' ? input.description : current.description;
    const updated = await this.store.update(nsId, { name, description });
    if (!updated) throw new NotFoundError(NOT_VALID_NAMESPACE, { nsId });
    return updated;
  }

  async delete(nsId: string): Promise<void> {
    await this.get(nsId);
    // Fetched specs and images live there, and every namespace's MCIS may use them.
    if (nsId === SYSTEM_NAMESPACE) throw new ConflictError(`The ${SYSTEM_NAMESPACE} namespace is reserved`, { nsId });
    const held = await this.contents(nsId);
    if (held.length) {
      throw new ConflictError(`Cannot delete namespace ${nsId}: it is not empty (${held.join(', ')})`, { nsId });
    }
    if (!(await this.store.delete(nsId))) throw new NotFoundError(NOT_VALID_NAMESPACE, { nsId });
  }

  /** Deletes every empty namespace; answers those kept because they hold something. */
  async deleteAll(): Promise<{ deleted: string[]; kept: string[] }> {
    const deleted: string[] = [];
    const kept: string[] = [];
    for (const ns of await this.list()) {
      if (ns.id === SYSTEM_NAMESPACE) continue;
      try {
        await this.delete(ns.id);
        deleted.push(ns.id);
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        kept.push(ns.id);
      }
    }
    return { deleted, kept };
  }

  /** `vNet: 2`-style descriptions of what the namespace holds. */
  private async contents(nsId: string): Promise<string[]> {
    const counts = await Promise.all(this.counters.map((counter) => counter.count(nsId)));
    return counts.flatMap((byKind) =>
      Object.entries(byKind)
        .filter(([, n]) => n > 0)
        .map(([kind, n]) => `${kind}: ${n}`),
    );
  }
}
