import { ConflictError, InvalidArgumentError } from '@cb/errors';
import { parseBody, requestIdOf } from '@cb/http';
import { type Request, Router } from 'express';
import type { McisService } from '../../../domain/mcis';
import {
  CreateSubGroupDynamicReq,
  CreateSubGroupReq,
  MciDynamicReq,
  MciReq,
  ScaleOutReq,
  SnapshotReq,
} from '../../../domain/mcis/mcis-request';
import {
  toAccessInfo,
  toAssociatedResources,
  toVmAccessInfo,
  toMciInfo,
  toMciStatusInfo,
  toVmInfo,
  toVmStatusInfo,
} from './mcis-views';
import { both } from './paths';

const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
const param = (req: Request, name: string) => String(req.params[name]);
const truthy = (value: unknown) => value === 'true' || value === '1';

/**
 * MCIS REST: create (static, dynamic, review), list, get, delete, scale out and VM-level calls.
 * Creation answers at once with the VMs Creating (upstream blocks until done; `?wait=true` does too).
 */
export function mcisRoutes(service: McisService): Router {
  const router = Router();

  // Upstream hands out the private keys only on `accessInfoOption=showSshKey`.
  const showSshKey = (req: Request) => str(req.query.accessInfoOption) === 'showSshKey';
  const privateKeysOf = async (nsId: string, vms: { resources: { sshKeyId: string } }[]) => {
    const ids = [...new Set(vms.map((vm) => vm.resources.sshKeyId).filter(Boolean))];
    const keys = await Promise.all(ids.map((id) => service.resources.sshPrivateKey(nsId, id)));
    return new Map(ids.map((id, i) => [id, keys[i]]));
  };

  const answerCreated = async (req: Request, nsId: string, id: string) => {
    if (truthy(req.query.wait)) await service.waitUntilSettled(nsId, id);
    return toMciInfo(await service.get(nsId, id));
  };

  router.post(both('/ns/:nsId/mci'), async (req, res) => {
    const nsId = param(req, 'nsId');
    const body = parseBody(req, MciReq);
    const hold = str(req.query.option) === 'hold';
    const mcis = await service.create(nsId, body, { requestId: requestIdOf(res), hold, url: req.originalUrl });
    res.json(await answerCreated(req, nsId, mcis.id));
  });

  router.post(both('/ns/:nsId/mciDynamic'), async (req, res) => {
    const nsId = param(req, 'nsId');
    const body = parseBody(req, MciDynamicReq);
    const hold = str(req.query.option) === 'hold';
    const mcis = await service.createDynamic(nsId, body, { requestId: requestIdOf(res), hold, url: req.originalUrl });
    res.json(await answerCreated(req, nsId, mcis.id));
  });

  router.post(both('/ns/:nsId/mciDynamicReview'), async (req, res) => {
    res.json(await service.review(param(req, 'nsId'), parseBody(req, MciDynamicReq)));
  });

  router.get(both('/ns/:nsId/mci'), async (req, res) => {
    const option = str(req.query.option);
    if (option === 'status') {
      return void res.json({ mci: (await service.statusList(param(req, 'nsId'))).map(toMciStatusInfo) });
    }
    if (option === 'id') return void res.json({ output: await service.ids(param(req, 'nsId')) });
    const views = await service.list(param(req, 'nsId'));
    res.json({ mci: views.map((v) => toMciInfo(v, option)) });
  });

  router.delete(both('/ns/:nsId/mci'), async (req, res) => {
    const nsId = param(req, 'nsId');
    const option = str(req.query.option);
    const ids = await service.ids(nsId);
    for (const id of ids) await service.lifecycle.delete(nsId, id, option);
    for (const id of ids) await service.waitUntilGone(nsId, id);
    res.json({ output: ids.map((id) => `/ns/${nsId}/mci/${id}`) });
  });

  router.get(both('/ns/:nsId/mci/:mciId'), async (req, res) => {
    const option = str(req.query.option);
    if (option === 'status') {
      return void res.json({ status: toMciStatusInfo(await service.status(param(req, 'nsId'), param(req, 'mciId'))) });
    }
    const view = await service.get(param(req, 'nsId'), param(req, 'mciId'));
    if (option === 'accessinfo') {
      const keys = showSshKey(req) ? await privateKeysOf(view.mcis.nsId, view.vms) : undefined;
      return void res.json(toAccessInfo(view, keys));
    }
    if (option === 'id') {
      const { filterKey, filterVal } = req.query;
      const vms = filterKey === 'connectionName' ? view.vms.filter((vm) => vm.connectionName === filterVal) : view.vms;
      return void res.json({ output: vms.map((vm) => vm.id) });
    }
    res.json(toMciInfo(view));
  });

  router.delete(both('/ns/:nsId/mci/:mciId'), async (req, res) => {
    const nsId = param(req, 'nsId');
    const mciId = param(req, 'mciId');
    await service.lifecycle.delete(nsId, mciId, str(req.query.option));
    if (!(await service.waitUntilGone(nsId, mciId))) {
      return void res
        .status(202)
        .json({ message: `MCI ${mciId} is being terminated; it is deleted once every VM is Terminated` });
    }
    res.json({ output: [`/ns/${nsId}/mci/${mciId}`] });
  });

  router.get(both('/ns/:nsId/mci/:mciId/associatedResources'), async (req, res) => {
    res.json(toAssociatedResources(await service.get(param(req, 'nsId'), param(req, 'mciId'))));
  });

  router.post(both('/ns/:nsId/mci/:mciId/vm'), async (req, res) => {
    const nsId = param(req, 'nsId');
    const mciId = param(req, 'mciId');
    const ids = await service.addSubGroup(nsId, mciId, parseBody(req, CreateSubGroupReq));
    res.json({ ...toMciInfo(await service.get(nsId, mciId)), newVmList: ids });
  });

  // A dynamic subGroup (spec + image) over the namespace's shared resources of the spec's connection.
  router.post(both('/ns/:nsId/mci/:mciId/subGroupDynamic'), async (req, res) => {
    const nsId = param(req, 'nsId');
    const mciId = param(req, 'mciId');
    const group = parseBody(req, CreateSubGroupDynamicReq);
    const { vms } = await service.get(nsId, mciId);
    // Refused before any shared resource is made for it.
    if (vms.some((vm) => vm.subGroupId === group.name)) {
      throw new ConflictError(`subGroup ${group.name} already exists in MCI ${mciId}`);
    }
    const connectionName = await service.creator.connectionOf(nsId, group, 'subGroup');
    const ids = await service.addSubGroup(nsId, mciId, await service.creator.toStatic(nsId, group, connectionName));
    res.json({ ...toMciInfo(await service.get(nsId, mciId)), newVmList: ids });
  });

  router.get(both('/ns/:nsId/mci/:mciId/subgroup'), async (req, res) => {
    const { vms } = await service.get(param(req, 'nsId'), param(req, 'mciId'));
    res.json({ output: [...new Set(vms.map((vm) => vm.subGroupId))] });
  });

  router.get(both('/ns/:nsId/mci/:mciId/subgroup/:subgroupId'), async (req, res) => {
    const { vms } = await service.get(param(req, 'nsId'), param(req, 'mciId'));
    const members = vms.filter((vm) => vm.subGroupId === param(req, 'subgroupId'));
    if (!members.length) throw new InvalidArgumentError(`subGroup ${param(req, 'subgroupId')} does not exist`);
    res.json({ output: members.map((vm) => vm.id) });
  });

  router.post(both('/ns/:nsId/mci/:mciId/subgroup/:subgroupId'), async (req, res) => {
    const nsId = param(req, 'nsId');
    const mciId = param(req, 'mciId');
    const { numVMsToAdd } = parseBody(req, ScaleOutReq);
    const ids = await service.addVms(nsId, mciId, param(req, 'subgroupId'), numVMsToAdd);
    res.json({ ...toMciInfo(await service.get(nsId, mciId)), newVmList: ids });
  });

  router.get(both('/ns/:nsId/mci/:mciId/vm/:vmId'), async (req, res) => {
    const { vm } = await service.vm(param(req, 'nsId'), param(req, 'mciId'), param(req, 'vmId'));
    const option = str(req.query.option);
    if (option === 'status') return void res.json(toVmStatusInfo(vm));
    if (option === 'accessinfo') {
      const key = showSshKey(req) ? await service.resources.sshPrivateKey(vm.nsId, vm.resources.sshKeyId) : '';
      return void res.json(toVmAccessInfo(vm, key));
    }
    if (option === 'idsInDetail') {
      return void res.json({
        idInTb: vm.id,
        idInSp: vm.cspResourceName,
        idInCsp: vm.cspResourceId,
        nameInCsp: vm.cspResourceName,
      });
    }
    res.json(toVmInfo(vm));
  });

  router.delete(both('/ns/:nsId/mci/:mciId/vm/:vmId'), async (req, res) => {
    const nsId = param(req, 'nsId');
    const mciId = param(req, 'mciId');
    const vmId = param(req, 'vmId');
    const { vm } = await service.vm(nsId, mciId, vmId);
    if (vm.status === 'Creating') throw new ConflictError(`VM ${vmId} is still Creating`);
    await service.lifecycle.deleteVm(nsId, mciId, vmId);
    res.json({ message: `Deleted the VM ${vmId}` });
  });

  // A customImage of the VM (usable as an MCIS imageId, sent to spider as a MyImage).
  router.post(both('/ns/:nsId/mci/:mciId/vm/:vmId/snapshot'), async (req, res) => {
    const nsId = param(req, 'nsId');
    const { name, description } = parseBody(req, SnapshotReq);
    res.json(await service.snapshotVm(nsId, param(req, 'mciId'), param(req, 'vmId'), name, description));
  });

  router.get(both('/ns/:nsId/control/mci/:mciId'), async (req, res) => {
    res.json({
      message: await service.lifecycle.control(param(req, 'nsId'), param(req, 'mciId'), str(req.query.action)),
    });
  });

  router.get(both('/ns/:nsId/control/mci/:mciId/vm/:vmId'), async (req, res) => {
    const message = await service.lifecycle.control(
      param(req, 'nsId'),
      param(req, 'mciId'),
      str(req.query.action),
      param(req, 'vmId'),
    );
    res.json({ message });
  });

  return router;
}
