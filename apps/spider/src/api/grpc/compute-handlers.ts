import type { ServiceImpl } from '@cb/grpc';
import type { spider } from '@cb/proto';
import { spiderWire as wire } from '@cb/spider-client';
import { batched, batchSizeOf } from './batches';
import type { SpiderDomain } from './spider-domain';

type Compute = Pick<
  ServiceImpl<typeof spider.SpiderService>,
  | 'createKeyPair'
  | 'listKeyPairs'
  | 'getKeyPair'
  | 'deleteKeyPair'
  | 'startVm'
  | 'getVm'
  | 'listVms'
  | 'getVmStatus'
  | 'listVmStatuses'
  | 'controlVm'
  | 'terminateVm'
  | 'createDisk'
  | 'listDisks'
  | 'getDisk'
  | 'deleteDisk'
  | 'attachDisk'
  | 'detachDisk'
  | 'changeDiskSize'
>;

/** Key pairs, VMs and disks. */
export function computeHandlers({ keyPairs, vms, disks }: SpiderDomain): Compute {
  return {
    async createKeyPair(request) {
      const created = await keyPairs.create(request.connectionName, wire.fromCreateKeyPairMessage(request));
      return { keyPair: wire.toKeyPairMessage(created) };
    },
    async listKeyPairs({ connectionName }) {
      return { keyPairs: (await keyPairs.list(connectionName)).map(wire.toKeyPairMessage) };
    },
    async getKeyPair({ connectionName, name }) {
      return { keyPair: wire.toKeyPairMessage(await keyPairs.get(connectionName, name)) };
    },
    async deleteKeyPair({ connectionName, name, force }) {
      return { result: await keyPairs.delete(connectionName, name, force) };
    },

    async startVm(request) {
      return { vm: wire.toVmMessage(await vms.start(request.connectionName, wire.fromStartVmMessage(request))) };
    },
    async getVm({ connectionName, name }) {
      return { vm: wire.toVmMessage(await vms.get(connectionName, name)) };
    },
    async *listVms({ connectionName, batchSize }) {
      const size = batchSizeOf(batchSize);
      const list = await vms.list(connectionName); // an array or a stream, depending on the domain
      for await (const batch of batched(list, size, wire.toVmMessage)) yield { vms: batch };
    },
    async getVmStatus({ connectionName, name }) {
      return { status: await vms.getStatus(connectionName, name) };
    },
    async listVmStatuses({ connectionName }) {
      return { vmStatuses: (await vms.listStatuses(connectionName)).map(wire.toVmStatusMessage) };
    },
    async controlVm({ connectionName, name, action }) {
      return { status: await vms.control(connectionName, name, action) };
    },
    async terminateVm({ connectionName, name, force }) {
      return { status: await vms.terminate(connectionName, name, force) };
    },

    async createDisk(request) {
      return {
        disk: wire.toDiskMessage(await disks.create(request.connectionName, wire.fromCreateDiskMessage(request))),
      };
    },
    async listDisks({ connectionName }) {
      return { disks: (await disks.list(connectionName)).map(wire.toDiskMessage) };
    },
    async getDisk({ connectionName, name }) {
      return { disk: wire.toDiskMessage(await disks.get(connectionName, name)) };
    },
    async deleteDisk({ connectionName, name, force }) {
      return { result: await disks.delete(connectionName, name, force) };
    },
    async attachDisk({ connectionName, name, vmName }) {
      return { disk: wire.toDiskMessage(await disks.attach(connectionName, name, vmName)) };
    },
    async detachDisk({ connectionName, name, vmName }) {
      return { result: await disks.detach(connectionName, name, vmName) };
    },
    async changeDiskSize({ connectionName, name, size }) {
      return { result: await disks.changeSize(connectionName, name, size) };
    },
  };
}
