import type { IID, VMStatus } from '@cb/driver-sdk';
import type { IidKind } from '../../store/resources';
import { type ConnectionScope, driverIid, userIid } from './connection-scope';
import { alreadyExists } from './kinds';
import type { ManagedKind } from './managed-kind';

export interface AllList {
  MappedList: IID[];
  OnlySpiderList: IID[];
  OnlyCSPList: IID[];
}

/** What deleting by cloud id answers: the result, and for a VM the status the cloud left it in. */
export interface CloudDeleteResult {
  Result: boolean;
  Status?: VMStatus;
}

export interface RegisterRequest {
  Name: string;
  CSPId: string;
  /** The owner VPC (security groups, NLBs, clusters), when the cloud's answer does not say. */
  VPCName?: string;
  Zone?: string;
}

/**
 * Upstream's management calls, the same for every kind: compare spider's IID table with the cloud's list,
 * register a resource that exists in the cloud only, forget one without touching the cloud, delete one by
 * its cloud id, count rows.
 */
export const management = {
  async all<I>(scope: ConnectionScope, kind: ManagedKind<I>): Promise<AllList> {
    const rows = await scope.iids.list(kind.kind, scope.name);
    const cloud = await scope.call({ resourceType: kind.resourceType, operation: 'listIID' }, (c) => kind.listIID(c));
    const inCloud = new Set(cloud.map((iid) => iid.SystemId));
    const inSpider = new Set(rows.map((row) => row.systemId));
    return {
      MappedList: rows.filter((row) => inCloud.has(row.systemId)).map(userIid),
      OnlySpiderList: rows.filter((row) => !inCloud.has(row.systemId)).map(userIid),
      OnlyCSPList: cloud.filter((iid) => !inSpider.has(iid.SystemId)),
    };
  },

  async allInfo<I>(scope: ConnectionScope, kind: ManagedKind<I>) {
    const list = await this.all(scope, kind);
    const rows = await scope.iids.list(kind.kind, scope.name);
    const fetch = (iid: IID, name?: string) =>
      scope.call({ resourceType: kind.resourceType, resourceName: name, operation: 'get' }, (c) => kind.get(c, iid));
    const mapped = await Promise.all(
      list.MappedList.map(async (iid) => {
        const row = rows.find((r) => r.nameId === iid.NameId)!;
        return kind.toUser(scope, await fetch(driverIid(row), row.nameId));
      }),
    );
    // Through toUser as well: names spider knows, and what it never shows (key material) masked.
    const onlyCsp = await Promise.all(list.OnlyCSPList.map(async (iid) => kind.toUser(scope, await fetch(iid))));
    return {
      ResourceType: kind.resourceType,
      AllListInfo: { MappedInfoList: mapped, OnlySpiderList: list.OnlySpiderList, OnlyCSPInfoList: onlyCsp },
    };
  },

  /** Adds the IID row of a resource the cloud already has; nothing is created in the cloud. */
  async register<I extends { IId: IID }>(
    scope: ConnectionScope,
    kind: ManagedKind<I>,
    req: RegisterRequest,
  ): Promise<I> {
    await scope.ensureFree(kind.kind, req.Name);
    const info = await scope.call({ resourceType: kind.resourceType, resourceName: req.Name, operation: 'get' }, (c) =>
      kind.get(c, { NameId: '', SystemId: req.CSPId }),
    );
    const owner = (await kind.ownerOf?.(scope, info, req.VPCName)) ?? '';
    const iid = { NameId: info.IId.NameId || req.CSPId, SystemId: info.IId.SystemId || req.CSPId };
    await scope.iids.transaction(async (em) => {
      const row = await scope.iids.insert(
        kind.kind,
        scope.newRow(req.Name, iid, owner, req.Zone ?? ''),
        () => alreadyExists(kind.kind, req.Name, scope.name),
        em,
      );
      await kind.registerChildren?.(scope, row, info, em);
    });
    return kind.toUser(scope, info);
  },

  /** Forgets the IID row only; the cloud resource stays. */
  async unregister<I>(scope: ConnectionScope, kind: ManagedKind<I>, name: string): Promise<boolean> {
    const row = await scope.row(kind.kind, name);
    await scope.iids.transaction(async (em) => {
      await scope.iids.delete(kind.kind, scope.name, name, undefined, em);
      await kind.forgetChildren?.(scope, row, em);
    });
    return true;
  },

  /** Deletes a resource in the cloud by its cloud id (cleanup of OnlyCSP resources). */
  async deleteInCloud<I>(scope: ConnectionScope, kind: ManagedKind<I>, cspId: string): Promise<CloudDeleteResult> {
    const answer = await scope.call(
      { resourceType: kind.resourceType, resourceName: cspId, operation: 'delete' },
      (c) => kind.remove(c, { NameId: '', SystemId: cspId }),
    );
    // A VM's removal answers its status (upstream's DELETE /cspvm says it); the other kinds a result.
    return typeof answer === 'string' ? { Result: true, Status: answer as VMStatus } : { Result: answer !== false };
  },

  count(iids: ConnectionScope['iids'], kind: IidKind, connectionName?: string): Promise<number> {
    return iids.count(kind, connectionName);
  },
};
