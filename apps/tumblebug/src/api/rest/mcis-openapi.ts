import type { OpenApiBuilder } from '@cb/http';
import { z } from 'zod';
import {
  CreateSubGroupDynamicReq,
  CreateSubGroupReq,
  MciDynamicReq,
  MciReq,
  ScaleOutReq,
  SnapshotReq,
} from '../../domain/mcis/mcis-request';

const ns = z.object({ nsId: z.string() });
const mci = ns.extend({ mciId: z.string() });
const vm = mci.extend({ vmId: z.string() });
const subGroup = mci.extend({ subgroupId: z.string() });
const hold = z.object({
  option: z.enum(['hold']).optional().describe('hold: build everything, wait in Prepared for control continue'),
  wait: z.enum(['true', 'false']).optional().describe('true: answer once every VM has settled (as upstream)'),
});
const control = z.object({
  action: z.enum(['suspend', 'resume', 'reboot', 'terminate', 'refine', 'continue', 'withdraw']),
  force: z.enum(['true', 'false']).optional(),
});
const deletion = z.object({
  option: z.enum(['terminate', 'force']).optional().describe('none: only a Terminated/Failed/Prepared MCIS'),
});

const tags = ['MCIS'];
const mciInfo = { 200: { description: 'MciInfo (VMs Creating: creation is carried on in the background)' } };
const notFound = { 404: { description: 'unknown namespace, MCIS or VM' } };
const bad = { 400: { description: 'a bad field, named in the message and details.field' } };

/**
 * The MCIS operations of /tumblebug in the service's one OpenAPI document (the routes live in api/rest/mcis).
 * Paths are upstream v0.12.5's `mci`; every one also answers under `mcis`.
 */
export function addMcisOperations(openapi: OpenApiBuilder): void {
  openapi
    .add({
      method: 'post',
      path: '/ns/:nsId/mci',
      tags,
      params: ns,
      query: hold,
      body: MciReq,
      responses: { ...mciInfo, ...bad, ...notFound },
    })
    .add({
      method: 'post',
      path: '/ns/:nsId/mciDynamic',
      tags,
      params: ns,
      query: hold,
      body: MciDynamicReq,
      summary: 'MCIS from system specs; shared vNet/SG/sshKey per connection are made when missing',
      responses: { ...mciInfo, ...bad, ...notFound },
    })
    .add({
      method: 'post',
      path: '/ns/:nsId/mciDynamicReview',
      tags,
      params: ns,
      body: MciDynamicReq,
      responses: { 200: { description: 'ReviewMciDynamicReqInfo (overallStatus, vmReviews, estimatedCost)' }, ...bad },
    })
    .add({
      method: 'get',
      path: '/ns/:nsId/mci',
      tags,
      params: ns,
      query: z.object({ option: z.enum(['simple', 'status', 'id']).optional() }),
      responses: { 200: { description: '{mci:[MciInfo|MciStatusInfo]} or {output:[id]}' }, ...notFound },
    })
    .add({
      method: 'delete',
      path: '/ns/:nsId/mci',
      tags,
      params: ns,
      query: deletion,
      responses: { 200: { description: '{output:[deleted keys]}' } },
    })
    .add({
      method: 'get',
      path: '/ns/:nsId/mci/:mciId',
      tags,
      params: mci,
      query: z.object({
        option: z.enum(['default', 'status', 'id', 'accessinfo']).optional(),
        filterKey: z.string().optional(),
        filterVal: z.string().optional(),
      }),
      summary: "Read from tumblebug's database (kept current by the status agent): no cloud call",
      responses: {
        200: { description: 'MciInfo, {status: MciStatusInfo}, {output:[vmId]} or MciAccessInfo' },
        ...notFound,
      },
    })
    .add({
      method: 'delete',
      path: '/ns/:nsId/mci/:mciId',
      tags,
      params: mci,
      query: deletion,
      responses: {
        200: { description: '{output:[deleted key]}' },
        202: { description: 'still terminating; deleted once every VM is Terminated' },
        409: { description: 'not a deletable status' },
        ...notFound,
      },
    })
    .add({
      method: 'get',
      path: '/ns/:nsId/mci/:mciId/associatedResources',
      tags,
      params: mci,
      responses: { 200: { description: 'ids of connections, specs, images, vNets, ...' } },
    })
    .add({
      method: 'post',
      path: '/ns/:nsId/mci/:mciId/vm',
      tags,
      params: mci,
      body: CreateSubGroupReq,
      summary: 'scale out with a new subGroup',
      responses: { ...mciInfo, ...bad },
    })
    .add({
      method: 'post',
      path: '/ns/:nsId/mci/:mciId/subGroupDynamic',
      tags,
      params: mci,
      body: CreateSubGroupDynamicReq,
      summary: "scale out with a subGroup from specId + imageId, over the spec's connection's shared resources",
      responses: { ...mciInfo, ...bad, ...notFound, 409: { description: 'the subGroup name is taken' } },
    })
    .add({
      method: 'get',
      path: '/ns/:nsId/mci/:mciId/subgroup',
      tags,
      params: mci,
      responses: { 200: { description: '{output:[subGroupId]}' } },
    })
    .add({
      method: 'get',
      path: '/ns/:nsId/mci/:mciId/subgroup/:subgroupId',
      tags,
      params: subGroup,
      responses: { 200: { description: '{output:[vmId]}' } },
    })
    .add({
      method: 'post',
      path: '/ns/:nsId/mci/:mciId/subgroup/:subgroupId',
      tags,
      params: subGroup,
      body: ScaleOutReq,
      responses: { ...mciInfo, ...bad },
    })
    .add({
      method: 'get',
      path: '/ns/:nsId/mci/:mciId/vm/:vmId',
      tags,
      params: vm,
      query: z.object({ option: z.enum(['default', 'status', 'idsInDetail']).optional() }),
      responses: { 200: { description: 'VmInfo, VmStatusInfo or IdNameInDetailInfo' }, ...notFound },
    })
    .add({
      method: 'delete',
      path: '/ns/:nsId/mci/:mciId/vm/:vmId',
      tags,
      params: vm,
      responses: { 200: { description: '{message}' }, 409: { description: 'still Creating' } },
    })
    .add({
      method: 'post',
      path: '/ns/:nsId/mci/:mciId/vm/:vmId/snapshot',
      tags,
      params: vm,
      body: SnapshotReq,
      summary: 'a customImage of the VM, through spider (usable as imageId)',
      responses: {
        200: { description: 'the customImage' },
        ...bad,
        ...notFound,
        409: { description: 'VM not Running or Suspended, or the name is taken' },
      },
    })
    .add({
      method: 'get',
      path: '/ns/:nsId/control/mci/:mciId',
      tags,
      params: mci,
      query: control,
      summary: 'control is a GET, as upstream',
      responses: { 200: { description: '{message}, e.g. "Suspending the MCI"' }, ...bad },
    })
    .add({
      method: 'get',
      path: '/ns/:nsId/control/mci/:mciId/vm/:vmId',
      tags,
      params: vm,
      query: control,
      responses: { 200: { description: '{message}' }, ...bad },
    })
    .add({
      method: 'get',
      path: '/request/:reqId',
      tags: ['request'],
      params: z.object({ reqId: z.string() }),
      responses: { 200: { description: 'status and response of a tracked request (X-Request-Id)' } },
    })
    .add({
      method: 'delete',
      path: '/request/:reqId',
      tags: ['request'],
      params: z.object({ reqId: z.string() }),
      responses: { 200: { description: '{message}' } },
    })
    .add({
      method: 'get',
      path: '/requests',
      tags: ['request'],
      responses: { 200: { description: 'every tracked request' } },
    })
    .add({ method: 'delete', path: '/requests', tags: ['request'], responses: { 200: { description: '{message}' } } })
    .add({
      method: 'get',
      path: '/events/stream',
      tags: ['events'],
      summary: 'server-sent cb.tumblebug.mcis.* and cb.tumblebug.vm.* events as committed; Last-Event-ID resumes',
      responses: { 200: { description: 'text/event-stream' } },
    });
}
