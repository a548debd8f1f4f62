import type { CloudConnection, IID } from '@cb/driver-sdk';
import type { ResolvedConnection } from '../cim/connection-resolver';
import type { CallLabel, DriverCallGateway } from '../calls';
import type { IidKind, IidRecord, IidStore, NewIid } from '../../store/resources';
import { alreadyExists, notFound } from './kinds';

/** One request's view of a connection: its cloud through the call gateway, and its IID rows. */
export class ConnectionScope {
  constructor(
    readonly target: ResolvedConnection,
    private readonly gateway: DriverCallGateway,
    readonly iids: IidStore,
  ) {}

  get name(): string {
    return this.target.config.ConfigName;
  }

  get provider(): string {
    return this.target.config.ProviderName || this.target.driverInfo.ProviderName;
  }

  call<T>(label: CallLabel, work: (cloud: CloudConnection) => Promise<T>): Promise<T> {
    return this.gateway.call(this.target, label, work);
  }

  /** The row of `name`, or upstream's "<Type> '<name>' does not exist in connection '<conn>'". */
  async row(kind: IidKind, name: string, ownerName?: string): Promise<IidRecord> {
    const row = await this.iids.find(kind, this.name, name, ownerName);
    if (!row) throw notFound(kind, name, this.name);
    return row;
  }

  /** A row for this connection: the user's name for what the cloud answered as `iid`. */
  newRow(nameId: string, iid: IID, ownerName = '', zoneId = ''): NewIid {
    return { connectionName: this.name, nameId, driverNameId: iid.NameId, systemId: iid.SystemId, ownerName, zoneId };
  }

  /** Fails with upstream's "already exists" text when `name` is taken. */
  async ensureFree(kind: IidKind, name: string, ownerName?: string): Promise<void> {
    if (await this.iids.find(kind, this.name, name, ownerName)) throw alreadyExists(kind, name, this.name);
  }
}

/** What the user sees: their name and the cloud's id. */
export const userIid = (row: IidRecord): IID => ({ NameId: row.nameId, SystemId: row.systemId });

/** What the driver is given: the name it created the resource under and the cloud's id. */
export const driverIid = (row: IidRecord): IID => ({ NameId: row.driverNameId, SystemId: row.systemId });
