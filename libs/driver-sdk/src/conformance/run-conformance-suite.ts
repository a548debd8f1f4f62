import type { CloudConnection } from '../driver';
import { describeCatalog } from './catalog-cases';
import { type ConformanceOptions, resolveOptions, SuiteContext } from './context';
import { describeFaults } from './fault-cases';
import { describeNetwork } from './network-cases';
import { describeServices } from './service-cases';
import { describeVM } from './vm-cases';

/**
 * Declares, inside the calling jest file, the cases every driver must pass for the capabilities it
 * declares. Call it at the top level of a spec file:
 *
 *   runConformanceSuite(() => driver.connect(info), { capabilities: driver.manifest.Capabilities });
 */
export function runConformanceSuite(makeConnection: () => Promise<CloudConnection>, options: ConformanceOptions): void {
  const ctx = new SuiteContext(resolveOptions(options), makeConnection);

  describe(`driver conformance (${ctx.options.namePrefix})`, () => {
    beforeAll(async () => {
      await ctx.connect();
    });
    afterAll(async () => {
      await ctx.close();
    });

    it('opens a live connection', async () => {
      expect(await ctx.connection.isConnected()).toBe(true);
    });

    describeCatalog(ctx);
    describeNetwork(ctx);
    describeVM(ctx);
    describeServices(ctx);
    describeFaults(ctx);
  });
}
