import type { CloudConnection } from '../driver';
import { isDriverError } from '../driver-error';
import { required, type SuiteContext, waitForVMStatus } from './context';
import { createInfra, terminateQuietly } from './infra-fixture';

const CALLS = 200;

/** Counts the outcomes of many cheap calls on a connection with injected faults. */
async function outcomes(
  connection: CloudConnection,
): Promise<{ ok: number; errors: Map<string, number>; retryAfter: number[] }> {
  const regions = required(connection.regionZone(), 'RegionZoneHandler');
  const errors = new Map<string, number>();
  const retryAfter: number[] = [];
  let ok = 0;
  for (let i = 0; i < CALLS; i++) {
    try {
      await regions.listRegionZone();
      ok++;
    } catch (error) {
      if (!isDriverError(error)) throw error;
      errors.set(error.kind, (errors.get(error.kind) ?? 0) + 1);
      if (error.retryAfterMs !== undefined) retryAfter.push(error.retryAfterMs);
    }
  }
  return { ok, errors, retryAfter };
}

/** Cases that only run for the fault modes the driver's test says it can configure. */
export function describeFaults(ctx: SuiteContext): void {
  const faults = ctx.options.faults;
  if (!faults || !ctx.options.capabilities.RegionZoneHandler) return;

  describe('fault injection', () => {
    if (faults.throttled) {
      it('answers THROTTLED with a retry hint once the rate limit is spent', async () => {
        const connection = await faults.throttled!();
        const { ok, errors, retryAfter } = await outcomes(connection);
        expect(ok).toBeGreaterThan(0);
        expect(errors.get('THROTTLED') ?? 0).toBeGreaterThan(0);
        expect([...errors.keys()]).toEqual(['THROTTLED']);
        expect(retryAfter.every((ms) => ms > 0)).toBe(true);
      });
    }

    if (faults.failing) {
      it('fails a fraction of calls with TRANSIENT and serves the rest', async () => {
        const { ok, errors } = await outcomes(await faults.failing!());
        expect(ok).toBeGreaterThan(0);
        expect(errors.get('TRANSIENT') ?? 0).toBeGreaterThan(0);
        expect([...errors.keys()]).toEqual(['TRANSIENT']);
      });
    }

    if (faults.slow) {
      it('answers each call only after the configured latency', async () => {
        const { open, latencyMs } = faults.slow!;
        const regions = required((await open()).regionZone(), 'RegionZoneHandler');
        for (let i = 0; i < 3; i++) {
          const start = ctx.options.now();
          expect((await regions.listRegionZone()).length).toBeGreaterThan(0);
          expect(ctx.options.now() - start).toBeGreaterThanOrEqual(latencyMs);
        }
      });
    }

    const canBoot = ctx.options.capabilities.VMHandler && ctx.options.capabilities.VPCHandler;
    if (faults.slowBoot && canBoot) {
      it('shows a slow VM as Creating before Running', async () => {
        const connection = await faults.slowBoot!();
        const slow = ctx.withConnection(connection);
        const infra = await createInfra(slow, 'slowset');
        const vm = await connection.vm()!.startVM(infra.vmRequest('slow-vm'));
        try {
          const seen = await waitForVMStatus(slow, vm.IId, 'Running');
          expect(seen).toEqual(['Creating', 'Running']);
        } finally {
          await terminateQuietly(slow, vm.IId);
          await infra.remove();
        }
      });
    }

    if (faults.stuckBoot && canBoot) {
      it('keeps a stuck VM in Creating for the whole wait', async () => {
        const connection = await faults.stuckBoot!();
        const stuck = ctx.withConnection(connection);
        const infra = await createInfra(stuck, 'stuckset');
        const vm = await connection.vm()!.startVM(infra.vmRequest('stuck-vm'));
        try {
          await expect(waitForVMStatus(stuck, vm.IId, 'Running')).rejects.toThrow(/did not reach Running/);
          expect(await connection.vm()!.getVMStatus(vm.IId)).toBe('Creating');
        } finally {
          await terminateQuietly(stuck, vm.IId);
          await infra.remove();
        }
      });
    }
  });
}
