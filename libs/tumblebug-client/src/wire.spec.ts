import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { tumblebug } from '@cb/proto';
import * as wire from './wire';

describe('tumblebug wire mappers', () => {
  it('sends upstream names (vNetId) and policy words as their proto fields and enums', () => {
    const group = wire.toSubGroupMessage({
      name: 'g1',
      connectionName: 'aws-1',
      specId: 's',
      imageId: 'i',
      vNetId: 'net-1',
      subnetId: 'sub-1',
      securityGroupIds: ['sg-1'],
      sshKeyId: 'key-1',
    });
    expect(group).toMatchObject({ vnetId: 'net-1', subnetId: 'sub-1' });
    expect(group).not.toHaveProperty('vNetId');
    expect(wire.toSettingsMessage({ name: 'm', policyOnPartialFailure: 'rollback' }).policyOnPartialFailure).toBe(
      tumblebug.PartialFailurePolicy.ROLLBACK,
    );
    expect(wire.toSettingsMessage({ name: 'm' }).policyOnPartialFailure).toBe(
      tumblebug.PartialFailurePolicy.UNSPECIFIED,
    );
    expect(wire.toActionMessage('withdraw')).toBe(tumblebug.McisAction.WITHDRAW);
    expect(wire.toActionMessage('explode' as never)).toBe(tumblebug.McisAction.UNSPECIFIED);
  });

  it('reads an MCIS back as plain objects with upstream casing (publicIP, vNetId)', () => {
    const createdAt = new Date('2026-01-02T03:04:05Z');
    const message = create(tumblebug.McisSchema, {
      id: 'm1',
      status: 'Running:1 (R:1/1)',
      policyOnPartialFailure: tumblebug.PartialFailurePolicy.REFINE,
      statusCount: { countTotal: 1, countRunning: 1 },
      vms: [{ id: 'g1-1', publicIp: '1.2.3.4', vnetId: 'net-1', createdAt: timestampFromDate(createdAt) }],
    });
    const mcis = wire.fromMcisMessage(message);
    expect(mcis).toMatchObject({ id: 'm1', policyOnPartialFailure: 'refine', statusCount: { countRunning: 1 } });
    expect(mcis.vms[0]).toMatchObject({ publicIP: '1.2.3.4', vNetId: 'net-1', createdAt });
    expect(mcis).not.toHaveProperty('$typeName');
    expect(mcis.creationErrors).toBeUndefined();
  });

  it('turns each watch message into a typed event, and skips kinds it does not know', () => {
    const at = new Date('2026-01-02T03:04:05Z');
    const changed = create(tumblebug.WatchMcisResponseSchema, {
      event: {
        case: 'vmStatusChanged',
        value: { nsId: 'ns', mcisId: 'm', vmId: 'v', previousStatus: 'A', status: 'B' },
      },
      at: timestampFromDate(at),
    });
    expect(wire.fromWatchMessage(changed)).toEqual({
      type: 'vmStatusChanged',
      at,
      nsId: 'ns',
      mcisId: 'm',
      vmId: 'v',
      previousStatus: 'A',
      status: 'B',
    });
    expect(wire.fromWatchMessage(create(tumblebug.WatchMcisResponseSchema, {}))).toBeUndefined();
  });
});
