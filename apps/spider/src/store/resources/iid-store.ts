import { isUniqueViolation } from '@cb/db';
import type { DataSource, EntityManager, FindOptionsWhere, Repository } from 'typeorm';
import { IID_ENTITIES, type IidKind } from './iid-entities';
import type { IidRecord } from './iid-record';

/** What a caller writes: the row without its generated id and time. */
export type NewIid = Pick<IidRecord, 'connectionName' | 'nameId' | 'driverNameId' | 'systemId'> &
  Partial<Pick<IidRecord, 'ownerName' | 'zoneId'>> & { status?: string };

/** The IID tables behind one small API; pass `em` to take part in a caller's transaction. */
export class IidStore {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  // find, list and listKinds are on every driver call's path: plain SQL over the unique index, no query builder.
  async find(kind: IidKind, connectionName: string, nameId: string, ownerName?: string): Promise<IidRecord | null> {
    const byOwner = ownerName === undefined ? '' : ' AND owner_name = $3';
    const params = ownerName === undefined ? [connectionName, nameId] : [connectionName, nameId, ownerName];
    const rows = await this.select(
      `${this.columns(kind)} WHERE connection_name = $1 AND name_id = $2${byOwner} LIMIT 1`,
      params,
    );
    return rows[0] ?? null;
  }

  findBySystemId(kind: IidKind, connectionName: string, systemId: string): Promise<IidRecord | null> {
    return this.repo(kind).findOneBy({ connectionName, systemId });
  }

  list(kind: IidKind, connectionName: string, ownerName?: string): Promise<IidRecord[]> {
    const byOwner = ownerName === undefined ? '' : ' AND owner_name = $2';
    const params = ownerName === undefined ? [connectionName] : [connectionName, ownerName];
    return this.select(`${this.columns(kind)} WHERE connection_name = $1${byOwner} ORDER BY created_at`, params);
  }

  /** The rows of several kinds of one connection in one round trip (to name what a driver answer refers to). */
  async listKinds(kinds: IidKind[], connectionName: string): Promise<Map<IidKind, IidRecord[]>> {
    const byKind = new Map<IidKind, IidRecord[]>(kinds.map((kind) => [kind, []]));
    if (!kinds.length) return byKind;
    const sql = kinds
      .map((kind, i) => {
        const status = kind === 'vm' ? 'status' : 'NULL::text AS status';
        return `SELECT ${FIELDS}, ${status}, ${i} AS kind FROM ${this.table(kind)} WHERE connection_name = $1`;
      })
      .join(' UNION ALL ');
    const rows = await this.select<IidRecord & { kind: number; status: string | null }>(`${sql} ORDER BY "createdAt"`, [
      connectionName,
    ]);
    for (const { kind, status, ...row } of rows) {
      byKind.get(kinds[kind])!.push(status === null ? row : ({ ...row, status } as IidRecord));
    }
    return byKind;
  }

  count(kind: IidKind, connectionName?: string): Promise<number> {
    return this.repo(kind).countBy(connectionName ? { connectionName } : {});
  }

  /** Inserts a row; a clash on the unique name throws what `onDuplicate` builds (upstream's wording). */
  async insert(kind: IidKind, row: NewIid, onDuplicate: () => Error, em?: EntityManager): Promise<IidRecord> {
    const repo = this.repo(kind, em);
    try {
      return await repo.save(repo.create({ ownerName: '', zoneId: '', ...row }));
    } catch (error) {
      if (isUniqueViolation(error)) throw onDuplicate();
      throw error;
    }
  }

  async delete(kind: IidKind, connectionName: string, nameId: string, ownerName?: string, em?: EntityManager) {
    const result = await this.repo(kind, em).delete(where(connectionName, { nameId, ownerName }));
    return (result.affected ?? 0) > 0;
  }

  /** Drops every row owned by `ownerName` (the subnets of a VPC, the node groups of a cluster). */
  async deleteOwned(kind: IidKind, connectionName: string, ownerName: string, em?: EntityManager): Promise<void> {
    await this.repo(kind, em).delete({ connectionName, ownerName });
  }

  async setVmStatus(connectionName: string, nameId: string, status: string, em?: EntityManager): Promise<void> {
    await this.repo('vm', em).update({ connectionName, nameId }, { status } as Partial<IidRecord>);
  }

  /** `SELECT <the record's fields> FROM <kind's table>` (a VM row carries its last seen status). */
  private columns(kind: IidKind): string {
    return `SELECT ${kind === 'vm' ? `${FIELDS}, status` : FIELDS} FROM ${this.table(kind)}`;
  }

  private table(kind: IidKind): string {
    return this.dataSource.getMetadata(IID_ENTITIES[kind]).tableName;
  }

  private async select<R = IidRecord>(sql: string, params: unknown[]): Promise<R[]> {
    return (await this.dataSource.query(sql, params)) as R[];
  }

  private repo(kind: IidKind, em?: EntityManager): Repository<IidRecord & { status?: string }> {
    return (em ?? this.dataSource.manager).getRepository(IID_ENTITIES[kind]) as Repository<IidRecord>;
  }
}

const FIELDS = [
  'id',
  'connection_name AS "connectionName"',
  'name_id AS "nameId"',
  'driver_name_id AS "driverNameId"',
  'system_id AS "systemId"',
  'owner_name AS "ownerName"',
  'zone_id AS "zoneId"',
  'created_at AS "createdAt"',
].join(', ');

function where(connectionName: string, by: { nameId?: string; ownerName?: string }): FindOptionsWhere<IidRecord> {
  return {
    connectionName,
    ...(by.nameId !== undefined ? { nameId: by.nameId } : {}),
    ...(by.ownerName !== undefined ? { ownerName: by.ownerName } : {}),
  };
}
