import { expectDriverError, firstOf, required, type SuiteContext, takeAll } from './context';

/** Region/zone, image, VM spec and price: the read-only catalog a connection sees. */
export function describeCatalog(ctx: SuiteContext): void {
  const caps = ctx.options.capabilities;

  if (caps.RegionZoneHandler) {
    describe('region/zone', () => {
      it('lists regions, each with zones, and gets one by name', async () => {
        const handler = required(ctx.connection.regionZone(), 'RegionZoneHandler');
        const regions = await handler.listRegionZone();
        expect(regions.length).toBeGreaterThan(0);
        for (const region of regions) {
          expect(region.Name).toBeTruthy();
          expect(Array.isArray(region.ZoneList)).toBe(true);
        }
        const one = await handler.getRegionZone(regions[0].Name);
        expect(one).toEqual(regions[0]);
      });

      it('answers NOT_FOUND for an unknown region', async () => {
        const handler = required(ctx.connection.regionZone(), 'RegionZoneHandler');
        await expectDriverError(handler.getRegionZone(`${ctx.name('no-such-region')}`), 'NOT_FOUND');
      });
    });
  }

  if (caps.ImageHandler) {
    describe('image', () => {
      it('streams images and gets the first one by its IID', async () => {
        const handler = required(ctx.connection.image(), 'ImageHandler');
        const images = await takeAll(handler.listImages(), 50);
        expect(images.length).toBeGreaterThan(0);
        for (const image of images) {
          expect(image.IId.NameId).toBeTruthy();
          expect(['Available', 'Unavailable', 'NA']).toContain(image.ImageStatus);
        }
        const got = await handler.getImage(images[0].IId);
        expect(got).toEqual(images[0]);
        expect(typeof (await handler.checkWindowsImage(images[0].IId))).toBe('boolean');
      });

      it('answers NOT_FOUND for an unknown image', async () => {
        const handler = required(ctx.connection.image(), 'ImageHandler');
        await expectDriverError(handler.getImage(ctx.iid('no-such-image')), 'NOT_FOUND');
      });
    });
  }

  if (caps.VMSpecHandler) {
    describe('VM spec', () => {
      it('streams specs with string numbers and gets one by name', async () => {
        const handler = required(ctx.connection.vmSpec(), 'VMSpecHandler');
        const specs = await takeAll(handler.listVMSpecs(), 50);
        expect(specs.length).toBeGreaterThan(0);
        for (const spec of specs) {
          expect(typeof spec.VCpu.Count).toBe('string');
          expect(Number.isNaN(Number(spec.MemSizeMiB))).toBe(false);
        }
        expect(await handler.getVMSpec(specs[0].Name)).toEqual(specs[0]);
      });

      it('answers NOT_FOUND for an unknown spec', async () => {
        const handler = required(ctx.connection.vmSpec(), 'VMSpecHandler');
        await expectDriverError(handler.getVMSpec(ctx.name('no-such-spec')), 'NOT_FOUND');
      });
    });
  }

  if (caps.PriceInfoHandler) {
    describe('price', () => {
      it('lists product families and streams on-demand prices of the first one', async () => {
        const handler = required(ctx.connection.price(), 'PriceInfoHandler');
        const regionName = (await ctx.connection.regionZone()?.listRegionZone())?.[0]?.Name ?? '';
        const families = await handler.listProductFamily(regionName);
        expect(families.length).toBeGreaterThan(0);
        const cloudPrice = await handler.getPriceInfo(families[0], regionName);
        expect(cloudPrice.CloudName).toBeTruthy();
        const first = await firstOf(cloudPrice.PriceList);
        expect(first).toBeDefined();
        expect(Number.isNaN(Number(first!.PriceInfo.OnDemand.Price))).toBe(false);
        expect(first!.PriceInfo.OnDemand.Currency).toBeTruthy();
      });
    });
  }
}
