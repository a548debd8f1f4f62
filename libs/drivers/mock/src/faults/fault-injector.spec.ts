import { type CloudConnection, isDriverError } from '@cb/driver-sdk';
import { ManualClock } from '../clock';
import { mockConnectionInfo } from '../connection-info';
import { createMockDriver } from '../mock-driver';

async function outcomes(connection: CloudConnection, calls: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < calls; i++) {
    out.push(
      await connection
        .regionZone()!
        .listRegionZone()
        .then(
          () => 'ok',
          (error: unknown) => (isDriverError(error) ? error.kind : 'other'),
        ),
    );
  }
  return out;
}

describe('fault injection', () => {
  it('lets a burst of RateLimitPerSec calls through, then throttles until tokens refill', async () => {
    const clock = new ManualClock();
    const driver = createMockDriver({ clock });
    const connection = await driver.connect(mockConnectionInfo({ MockName: 'rl', RateLimitPerSec: '10' }));
    expect(await outcomes(connection, 12)).toEqual([...Array(10).fill('ok'), 'THROTTLED', 'THROTTLED']);

    const error = await connection
      .vpc()!
      .listVPC()
      .catch((e: unknown) => e);
    expect(isDriverError(error) && error.retryAfterMs).toBe(100);
    clock.advance(100);
    expect(await outcomes(connection, 2)).toEqual(['ok', 'THROTTLED']);
  });

  it('fails FailureRate of the calls with TRANSIENT, the same calls for the same seed', async () => {
    const run = async (seed: string) => {
      const driver = createMockDriver({ clock: new ManualClock() });
      return outcomes(
        await driver.connect(mockConnectionInfo({ MockName: 'fr', FailureRate: '0.25', Seed: seed })),
        1000,
      );
    };
    const first = await run('alpha');
    const failures = first.filter((o) => o === 'TRANSIENT').length;
    expect(new Set(first)).toEqual(new Set(['ok', 'TRANSIENT']));
    expect(failures).toBeGreaterThan(200);
    expect(failures).toBeLessThan(300);
    expect(await run('alpha')).toEqual(first);
    expect(await run('beta')).not.toEqual(first);
  });

  it('makes each call take LatencyMs of the (virtual) clock', async () => {
    const clock = new ManualClock();
    const driver = createMockDriver({ clock });
    const connection = await driver.connect(mockConnectionInfo({ MockName: 'lat', LatencyMs: '750' }));
    const start = clock.now();
    await connection.vpc()!.listVPC();
    await connection.image()!.getImage({ NameId: 'mock-vmimage-01', SystemId: '' });
    expect(clock.now() - start).toBe(1500);
  });

  it('fails the operations listed in FailOps with the kind given, and only those', async () => {
    const driver = createMockDriver({ clock: new ManualClock() });
    const connection = await driver.connect(
      mockConnectionInfo({ MockName: 'fo', FailOps: 'createVPC:QUOTA_EXCEEDED,listImages' }),
    );
    const vpc = connection.vpc()!;
    const created = vpc.createVPC({ IId: { NameId: 'v', SystemId: '' }, IPv4_CIDR: '10.0.0.0/16', SubnetInfoList: [] });
    await expect(created).rejects.toMatchObject({ kind: 'QUOTA_EXCEEDED' });
    expect(await vpc.listVPC()).toEqual([]);
    const stream = connection.image()!.listImages()[Symbol.asyncIterator]();
    await expect(stream.next()).rejects.toMatchObject({ kind: 'TRANSIENT' });
    expect(await connection.vmSpec()!.getVMSpec('mock-vmspec-01')).toMatchObject({ Name: 'mock-vmspec-01' });
  });
});
