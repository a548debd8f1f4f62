import { DriverError, type IID } from '@cb/driver-sdk';

/**
 * The records of one resource kind in one mock cloud, keyed by NameId. Records go in and come out as
 * copies, as upstream clones out of its maps, so callers can never edit the cloud's state by accident.
 */
export class ResourceTable<T extends { IId: IID }> {
  private readonly rows = new Map<string, T>();

  constructor(readonly kind: string) {}

  insert(record: T): T {
    if (this.rows.has(record.IId.NameId)) {
      throw new DriverError('ALREADY_EXISTS', `${this.kind} '${record.IId.NameId}' already exists`);
    }
    this.rows.set(record.IId.NameId, structuredClone(record));
    return structuredClone(record);
  }

  /** The stored record itself, for the handler that owns it to change in place. */
  ref(iid: IID): T {
    const row = this.rows.get(iid.NameId) ?? this.bySystemId(iid.SystemId);
    if (!row) throw new DriverError('NOT_FOUND', `${this.kind} '${iid.NameId || iid.SystemId}' does not exist`);
    return row;
  }

  get(iid: IID): T {
    return structuredClone(this.ref(iid));
  }

  has(iid: IID): boolean {
    return this.rows.has(iid.NameId) || this.bySystemId(iid.SystemId) !== undefined;
  }

  delete(iid: IID): T {
    const row = this.ref(iid);
    this.rows.delete(row.IId.NameId);
    return row;
  }

  list(): T[] {
    return [...this.rows.values()].map((row) => structuredClone(row));
  }

  values(): IterableIterator<T> {
    return this.rows.values();
  }

  iids(): IID[] {
    return [...this.rows.values()].map((row) => ({ ...row.IId }));
  }

  private bySystemId(systemId: string): T | undefined {
    if (!systemId) return undefined;
    for (const row of this.rows.values()) if (row.IId.SystemId === systemId) return row;
    return undefined;
  }
}
