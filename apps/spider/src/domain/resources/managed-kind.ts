import type { CloudConnection, IID } from '@cb/driver-sdk';
import type { EntityManager } from 'typeorm';
import type { IidKind, IidRecord } from '../../store/resources';
import type { ConnectionScope } from './connection-scope';

/**
 * What the generic operations (all-listings, register, unregister, delete by cloud id, counts) need to know
 * about one resource kind. Each kind's module exports one.
 */
export interface ManagedKind<Info> {
  kind: IidKind;
  /** Upstream's RSType for the call history and `/all<rs>info` (vpc, sg, keypair, vm, ...). */
  resourceType: string;
  listIID(cloud: CloudConnection): Promise<IID[]>;
  get(cloud: CloudConnection, iid: IID): Promise<Info>;
  remove(cloud: CloudConnection, iid: IID): Promise<unknown>;
  /** The driver's answer with the user's names in it. */
  toUser(scope: ConnectionScope, info: Info): Promise<Info>;
  /** For register: the owner row name of a resource found in the cloud (e.g. the VPC of a security group). */
  ownerOf?(scope: ConnectionScope, info: Info, requestedOwner?: string): Promise<string>;
  /** For register: the rows that come with it (e.g. a VPC's subnets). */
  registerChildren?(scope: ConnectionScope, row: IidRecord, info: Info, em: EntityManager): Promise<void>;
  /** For unregister and delete: the rows that go with it. */
  forgetChildren?(scope: ConnectionScope, row: IidRecord, em: EntityManager): Promise<void>;
}

/**
 * Upstream's delete: call the cloud, then drop the IID row. With `force` a cloud failure is ignored and the
 * row dropped anyway; a resource the cloud no longer knows is treated as deleted (upstream: "not found
 * implies force").
 */
export async function deleteThroughCloud<R>(
  scope: ConnectionScope,
  kind: IidKind,
  row: IidRecord,
  force: boolean,
  cloudDelete: () => Promise<R>,
  forget?: (em: EntityManager) => Promise<void>,
): Promise<R | undefined> {
  let result: R | undefined;
  try {
    result = await cloudDelete();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (!force && code !== 'NOT_FOUND') throw error;
  }
  await scope.iids.transaction(async (em) => {
    await scope.iids.delete(kind, scope.name, row.nameId, row.ownerName, em);
    await forget?.(em);
  });
  return result;
}
