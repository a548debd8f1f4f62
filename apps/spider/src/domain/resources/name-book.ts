import type { IID } from '@cb/driver-sdk';
import type { IidKind, IidRecord } from '../../store/resources';
import type { ConnectionScope } from './connection-scope';

/**
 * Turns the IIDs inside a driver's answer (a VM's VPC, subnet, security groups, key, disks...) back into the
 * user's names, as upstream rewrites them. An id spider does not know keeps the cloud's names.
 */
export class NameBook {
  private constructor(private readonly rows: Map<IidKind, IidRecord[]>) {}

  static async load(scope: ConnectionScope, kinds: IidKind[]): Promise<NameBook> {
    return new NameBook(await scope.iids.listKinds(kinds, scope.name));
  }

  /** The row behind a driver IID, matched on the cloud id first, then on the driver's name. */
  rowOf(kind: IidKind, iid: IID | undefined, ownerName?: string): IidRecord | undefined {
    if (!iid) return undefined;
    const rows = (this.rows.get(kind) ?? []).filter((r) => ownerName === undefined || r.ownerName === ownerName);
    return (
      (iid.SystemId ? rows.find((r) => r.systemId === iid.SystemId) : undefined) ??
      (iid.NameId ? rows.find((r) => r.driverNameId === iid.NameId) : undefined)
    );
  }

  user(kind: IidKind, iid: IID, ownerName?: string): IID {
    const row = this.rowOf(kind, iid, ownerName);
    return row ? { NameId: row.nameId, SystemId: row.systemId } : { ...iid };
  }

  users(kind: IidKind, iids: IID[] | undefined, ownerName?: string): IID[] {
    return (iids ?? []).map((iid) => this.user(kind, iid, ownerName));
  }
}
