import type { ServiceImpl } from '@cb/grpc';
import type { tumblebug } from '@cb/proto';
import type { DataSource } from 'typeorm';
import type { McisService } from '../../domain/mcis';
import { toJsonObject, toMcisMessage, toMcisStatusMessage } from './mcis-messages';
import { actionOf, deleteOptionOf, mciDynamicReqOf, mciReqOf, requireId, snapshotReqOf } from './mcis-requests';
import { watchMcis, type WatchOptions } from './watch-mcis';

type Impl = ServiceImpl<typeof tumblebug.TumblebugService>;
type McisMethods =
  | 'createMcis'
  | 'createMcisDynamic'
  | 'listMcis'
  | 'getMcis'
  | 'getMcisStatus'
  | 'controlMcis'
  | 'deleteMcis'
  | 'snapshotVm'
  | 'watchMcis';

/** How long DeleteMcis may wait for the MCIS to go: the caller's deadline (less a margin) or the service's cap. */
function waitBudgetMs(deadline: Date | number, capMs: number): number {
  const at = deadline instanceof Date ? deadline.getTime() : deadline;
  if (!Number.isFinite(at)) return capMs;
  return Math.max(0, Math.min(capMs, at - Date.now() - 1_000));
}

/** MCIS over gRPC through the same McisService as REST (creation is accepted at once; watch it). */
export function mcisHandlers(
  service: McisService,
  dataSource: DataSource,
  watch: WatchOptions,
): Pick<Impl, McisMethods> {
  return {
    createMcis: async (request) => {
      const nsId = requireId(request.nsId, 'ns_id');
      const mcis = await service.create(nsId, mciReqOf(request), { hold: request.settings?.hold ?? false });
      return { mcis: toMcisMessage(await service.get(nsId, mcis.id)) };
    },
    createMcisDynamic: async (request) => {
      const nsId = requireId(request.nsId, 'ns_id');
      const mcis = await service.createDynamic(nsId, mciDynamicReqOf(request), {
        hold: request.settings?.hold ?? false,
      });
      return { mcis: toMcisMessage(await service.get(nsId, mcis.id)) };
    },
    listMcis: async ({ nsId }) => ({ mcis: (await service.list(requireId(nsId, 'ns_id'))).map(toMcisMessage) }),
    getMcis: async ({ nsId, mcisId }) => ({
      mcis: toMcisMessage(await service.get(requireId(nsId, 'ns_id'), requireId(mcisId, 'mcis_id'))),
    }),
    getMcisStatus: async ({ nsId, mcisId }) => ({
      status: toMcisStatusMessage(await service.get(requireId(nsId, 'ns_id'), requireId(mcisId, 'mcis_id'))),
    }),
    controlMcis: async ({ nsId, mcisId, action, vmId }) => ({
      message: await service.lifecycle.control(
        requireId(nsId, 'ns_id'),
        requireId(mcisId, 'mcis_id'),
        actionOf(action),
        vmId || undefined,
      ),
    }),
    deleteMcis: async ({ nsId, mcisId, option }, ctx) => {
      requireId(nsId, 'ns_id');
      requireId(mcisId, 'mcis_id');
      await service.lifecycle.delete(nsId, mcisId, deleteOptionOf(option));
      const budget = waitBudgetMs(ctx.deadline, service.options.waitTimeoutMs);
      return { deleted: await service.waitUntilGone(nsId, mcisId, budget) };
    },
    snapshotVm: async (request) => {
      const { name, description } = snapshotReqOf(request);
      const nsId = requireId(request.nsId, 'ns_id');
      const mcisId = requireId(request.mcisId, 'mcis_id');
      const vmId = requireId(request.vmId, 'vm_id');
      return { customImage: toJsonObject(await service.snapshotVm(nsId, mcisId, vmId, name, description)) };
    },
    watchMcis: ({ nsId, mcisId }, ctx) =>
      watchMcis(dataSource, service, requireId(nsId, 'ns_id'), mcisId, ctx.signal, watch),
  };
}
