/** NsInfo of the upstream contract. */
export interface Namespace {
  id: string;
  uid: string;
  name: string;
  description: string;
}

/** The namespace holding the spec and image catalogs loaded from spider (upstream v0.10+). */
export const SYSTEM_NAMESPACE = 'system';

/** Counts what a namespace holds of one kind; deletion is refused while any count is above zero. */
export interface NamespaceContentCounter {
  /** Counts per kind, e.g. `{ vNet: 2, sshKey: 0 }`. */
  count(nsId: string): Promise<Record<string, number>>;
}

export interface NamespaceStore {
  insert(ns: Namespace): Promise<Namespace>;
  list(): Promise<Namespace[]>;
  find(id: string): Promise<Namespace | undefined>;
  update(id: string, changes: { name: string; description: string }): Promise<Namespace | undefined>;
  /** false when it did not exist; throws ConflictError when something still references it. */
  delete(id: string): Promise<boolean>;
}
