import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { IID } from '@cb/driver-sdk';
import { enqueueEvent } from '@cb/events';
import { common, events } from '@cb/proto';
import type { EntityManager } from 'typeorm';

/**
 * Writes an event into the outbox within the caller's transaction (libs/events' `enqueueEvent`), so the
 * event is published if and only if the IID change commits.
 */
export type EnqueueEvent = (em: EntityManager, subject: string, payload: object) => Promise<unknown>;

export const VM_EVENT_SUBJECTS = {
  created: 'cb.spider.vm.created',
  statusChanged: 'cb.spider.vm.status_changed',
  terminated: 'cb.spider.vm.terminated',
} as const;

/** The VM facts spider announces: created, status changed, terminated. */
export class VmEvents {
  constructor(private readonly enqueue: EnqueueEvent = enqueueEvent as EnqueueEvent) {}

  created(em: EntityManager, connectionName: string, iid: IID, status: string, at = new Date()) {
    return this.enqueue(
      em,
      VM_EVENT_SUBJECTS.created,
      create(events.VmCreatedSchema, { connectionName, iid: toProto(iid), status, createdAt: timestampFromDate(at) }),
    );
  }

  statusChanged(em: EntityManager, connectionName: string, iid: IID, previousStatus: string, status: string) {
    return this.enqueue(
      em,
      VM_EVENT_SUBJECTS.statusChanged,
      create(events.VmStatusChangedSchema, { connectionName, iid: toProto(iid), previousStatus, status }),
    );
  }

  terminated(em: EntityManager, connectionName: string, iid: IID) {
    return this.enqueue(
      em,
      VM_EVENT_SUBJECTS.terminated,
      create(events.VmTerminatedSchema, { connectionName, iid: toProto(iid) }),
    );
  }
}

const toProto = (iid: IID) => create(common.IIDSchema, { nameId: iid.NameId, systemId: iid.SystemId });
