// Console first-load benchmark: gzip size of the JavaScript the console ships, and time to
// interactive (sign-in form usable) in headless Chromium, served by the console's own server.
//   npx tsx tools/bench/console-load.ts [runs]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { buildAppIfStale, DIST_DIR } from '../../apps/waterstrider/src/server/build-app';
import { waterstriderService } from '../../apps/waterstrider/src/server/index';

const silent = { info() {}, warn() {}, error() {}, debug() {}, child: () => silent };

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 5);
  await buildAppIfStale(() => undefined);
  const assets = join(DIST_DIR, 'assets');
  const js = readdirSync(assets).filter((file) => file.endsWith('.js'));
  const gzipBytes = js.reduce((sum, file) => sum + gzipSync(readFileSync(join(assets, file)), { level: 9 }).length, 0);
  const rawBytes = js.reduce((sum, file) => sum + readFileSync(join(assets, file)).length, 0);

  const service = await waterstriderService.create({ WATERSTRIDER_PORT: '0' }, { events: undefined, logger: silent });
  await service.start();
  const url = service.endpoints().rest!;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const times: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext(); // cold cache every run
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(url);
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      // Interactive: the form takes input and the main thread answers.
      await page.getByLabel('User name').fill('x');
      times.push(performance.now() - started);
      await context.close();
    }
  } finally {
    await browser.close();
    await service.stop();
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(
    `console JavaScript: ${js.length} file(s), ${(rawBytes / 1024).toFixed(1)} KiB raw, ${(gzipBytes / 1024).toFixed(1)} KiB gzip (budget 1024 KiB)`,
  );
  console.log(
    `time to interactive (sign-in usable, cold cache, ${runs} runs): median ${median.toFixed(0)} ms, best ${times[0]!.toFixed(0)} ms, worst ${times[times.length - 1]!.toFixed(0)} ms (budget 2000 ms)`,
  );
}

void main();
