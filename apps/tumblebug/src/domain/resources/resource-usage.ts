import type { EntityManager } from 'typeorm';
import type { ResourceRef } from './resource-types';

/**
 * Which VMs use which resources. MCIS marks usage inside the same transaction that stores its VMs and
 * releases it in the one that removes them; a resource with any user cannot be deleted (409), which
 * is upstream's `associatedObjectList` check made race-free by the database.
 *
 * `vmRef` is MCIS's name for the user, conventionally `<mciId>/<vmId>` (so that a whole MCI can be
 * released by prefix `<mciId>/`).
 */
export interface ResourceUse {
  ref: ResourceRef;
  vmRef: string;
}

export interface ResourceUsage {
  markUsed(manager: EntityManager, refs: ResourceRef[], vmRef: string): Promise<void>;
  /** Many uses at once (a creation's VMs), in as few statements as the database allows. */
  markUsedMany(manager: EntityManager, uses: ResourceUse[]): Promise<void>;
  /** Releases every resource the VM used. */
  release(manager: EntityManager, nsId: string, vmRef: string): Promise<void>;
  /** Releases every resource used by VMs whose ref starts with `prefix` (e.g. `mci01/`). */
  releaseByPrefix(manager: EntityManager, nsId: string, prefix: string): Promise<void>;
  /** The VMs using one resource, as upstream's `associatedObjectList`. */
  usersOf(ref: ResourceRef, manager?: EntityManager): Promise<string[]>;
}
