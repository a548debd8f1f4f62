import { toMcisMessage, toMcisStatusMessage } from '../../grpc/mcis-messages';
import type { McisEntity, McisVmEntity, VmStatusRow } from '../../../store/mcis';
import { toMciInfo, toMciStatusInfo } from './mcis-views';

/**
 * The status agent writes a VM's new status first and settles its MCIS (the stored, announced status) a moment
 * later. An answer in between must not show a VM Suspended inside an MCIS still Running: every view counts the
 * MCIS's status from the VM rows it shows.
 */
describe("an MCIS's status in its views", () => {
  const mcis = { nsId: 'ns', id: 'm1', status: 'Running:2 (R:2/2)', targetAction: 'None' } as McisEntity;
  const vm = (id: string, status: string) =>
    ({
      mcisId: 'm1',
      id,
      status,
      access: {},
      resources: {},
      location: {},
      label: {},
      createdAt: new Date(0),
    }) as unknown as McisVmEntity & VmStatusRow;
  const vms = [vm('g1-1', 'Suspended'), vm('g1-2', 'Running')];
  const expected = 'Partial-Suspended:1 (R:1/2)';

  it('is counted from the VMs shown, not the last announced status, over REST and gRPC', () => {
    expect(toMciStatusInfo({ mcis, vms })).toMatchObject({
      status: expected,
      statusCount: { countSuspended: 1, countRunning: 1, countTotal: 2 },
    });
    expect(toMciInfo({ mcis, vms }).status).toBe(expected);
    expect(toMcisMessage({ mcis, vms }).status).toBe(expected);
    expect(toMcisStatusMessage({ mcis, vms }).status).toBe(expected);
  });

  it('is Preparing while an MCIS being created has no VM yet, and Empty after', () => {
    expect(toMciInfo({ mcis: { ...mcis, targetAction: 'Create' } as McisEntity, vms: [] }).status).toBe('Preparing');
    expect(toMciInfo({ mcis, vms: [] }).status).toBe('Empty');
  });
});
