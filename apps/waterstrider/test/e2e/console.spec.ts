/**
 * @jest-environment node
 */
// The console end to end: the real platform (`npm start`'s entry point) in a child process on free
// ports, driven through headless Chromium like a user would.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { geoNaturalEarth1 } from 'd3-geo';
import type { Browser, Page } from 'playwright-core';
import { MOCK_DRIVER_MANIFEST } from '@cb/driver-mock';
import { buildDriver, type BuiltDriver } from '../../../../tools/build-driver/build-driver';
import { freePlatformPorts, startPlatformProcess, type PlatformProcess } from '../../../platform/test/platform-process';
import { launchChromium, removeFailureScreenshots, screenshot } from './browser';
import { PageDiagnostics } from './diagnostics';

const TEST_TIMEOUT = 300_000;
jest.setTimeout(TEST_TIMEOUT);

let platform: PlatformProcess;
let browser: Browser;
let page: Page;
let base: string;
let diagnostics: PageDiagnostics;
/** A driver release of our own, published through the Drivers page's form. */
let e2eDriver: BuiltDriver;
const dataDir = mkdtempSync(join(tmpdir(), 'cb-console-e2e-'));
// The embedded PostgreSQL runs as its own user and must be able to enter the data directory.
chmodSync(dataDir, 0o755);
const WAIT = { timeout: 120_000 };

beforeAll(async () => {
  removeFailureScreenshots();
  const ports = await freePlatformPorts();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CB_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  for (const [name, port] of Object.entries(ports)) env[name] = String(port);
  delete env.DATABASE_URL;
  platform = startPlatformProcess(env);
  e2eDriver = await buildDriver({
    packageDir: join(__dirname, '../../../../libs/drivers/mock'),
    name: 'e2e-mock',
    version: '1.0.0',
    outDir: join(dataDir, 'e2e-driver'),
  });
  await platform.ready;
  base = `http://127.0.0.1:${ports.GATEWAY_PORT}`;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  diagnostics = new PageDiagnostics(page, () => platform.output());
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (platform && platform.child.exitCode === null) {
    platform.child.kill('SIGTERM');
    await platform.exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** A test whose failure leaves a screenshot and says what the page showed and which API calls went wrong. */
function step(name: string, work: () => Promise<void>): void {
  it(name, () => diagnostics.step(name, work, TEST_TIMEOUT - 15_000));
}

async function go(path: string, heading: RegExp | string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: path }).click();
  await page.getByRole('heading', { level: 2, name: heading }).waitFor();
}

/** Downloads a driver's artifact from hub as spider would, so the Drivers page has downloads to count. */
async function downloadFromHub(name: string): Promise<void> {
  const authorization = `Basic ${Buffer.from('default:default').toString('base64')}`;
  // The platform publishes its built-in drivers once hub listens: wait for this one to be there.
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(`${base}/hub/drivers/${name}/versions/latest/artifact`, {
      headers: { authorization },
    });
    await response.arrayBuffer();
    if (response.ok) return;
    if (response.status !== 404 || attempt === 60) throw new Error(`hub answered ${response.status} for ${name}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** The cells of a driver's row on the Drivers page, once it shows. */
async function driverRow(name: string): Promise<string[]> {
  const row = page
    .getByRole('table', { name: 'Published drivers' })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name, exact: true }) });
  await row.waitFor(WAIT);
  return row.getByRole('cell').allInnerTexts();
}

/** The console's map projection (world-map.tsx): where a coordinate lands, as a fraction of the map's box. */
function mapFraction(latitude: number, longitude: number): { x: number; y: number } {
  const projection = geoNaturalEarth1().fitSize([960, 480], { type: 'Sphere' });
  const [x, y] = projection([longitude, latitude])!;
  return { x: x / 960, y: y / 480 };
}

async function clickMapAt(latitude: number, longitude: number): Promise<void> {
  const map = page.getByRole('img', { name: 'World map of VMs by MCIS and status' });
  const box = (await map.boundingBox())!;
  const at = mapFraction(latitude, longitude);
  await map.click({ position: { x: at.x * box.width, y: at.y * box.height } });
}

/** Calls the platform's REST API through the gateway, as a script or another user would. */
async function callApi(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Basic ${Buffer.from('default:default').toString('base64')}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** The texts of one column of a table, by its header. */
async function columnOf(table: string, header: string): Promise<string[]> {
  const grid = page.getByRole('table', { name: table });
  const headers = await grid.getByRole('columnheader').allInnerTexts();
  const index = headers.findIndex((text) => text.trim() === header);
  if (index < 0) throw new Error(`no column ${header} in ${headers.join(', ')}`);
  return grid.locator(`tbody tr td:nth-child(${index + 1})`).allInnerTexts();
}

/** mc-meta syncs a new connection in the background: search again, as a user would, until it shows. */
async function searchUntilFound(found: RegExp): Promise<void> {
  for (let attempt = 0; attempt < 40; attempt++) {
    await page.getByRole('button', { name: 'Search' }).click();
    const shown = await page
      .getByText(found)
      .waitFor({ timeout: 3000 })
      .then(() => true)
      .catch(() => false);
    if (shown) return;
  }
  throw new Error(`the search never showed ${found}`);
}

describe('the console through the gateway', () => {
  step('refuses wrong credentials in place, then signs in', async () => {
    await page.goto(`${base}/`);
    await page.getByLabel('User name').fill('default');
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Sign-in rejected' }).waitFor();
    await page.getByLabel('Password').fill('default');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(await page.evaluate('JSON.stringify(localStorage)')).not.toContain('default');
  });

  step('creates a namespace and keeps it picked', async () => {
    await page.getByLabel('New namespace').fill('e2e');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.locator('select').first().locator('option[value="e2e"]').waitFor({ state: 'attached' });
    expect(await page.locator('#namespace-select').inputValue()).toBe('e2e');
  });

  step('validates, then registers a mock connection shaped like AWS in Seoul', async () => {
    await go('Connections', 'Cloud connections');
    await page.getByRole('button', { name: 'Register connection' }).click();
    await page.getByRole('alert').filter({ hasText: 'Fill in' }).waitFor();
    await page.getByLabel('Connection name').fill('mock-seoul');
    await page.getByLabel('MockName (secret)').fill('e2e-mock');
    await page.getByLabel('Region', { exact: true }).fill('ap-northeast-2');
    // The mock cloud's optional credential keys: a catalog shaped like AWS's (real regions, prices), larger.
    for (const [index, [key, value]] of [
      ['Profile', 'aws'],
      ['ImagesPerRegion', '1000'],
    ].entries()) {
      await page.getByRole('button', { name: 'Add key/value' }).click();
      await page.getByLabel(`Key ${index + 1}`, { exact: true }).fill(key);
      await page.getByLabel(`Value ${index + 1} (secret)`).fill(value);
    }
    await page.getByRole('button', { name: 'Register connection' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Connection mock-seoul registered.$/ })
      .waitFor(WAIT);
    await page.getByRole('cell', { name: 'mock-seoul', exact: true }).waitFor();
    expect(await page.content()).not.toContain('e2e-mock');
    await screenshot(page, 'connections');
  });

  step('finds Ubuntu 22.04 images of the new connection, typo and all, and specs cheapest first', async () => {
    await go('Images & specs', /Images and specs/);
    await page.getByLabel('Keyword').fill('ubunt 22.04');
    await searchUntilFound(/\d+\+? images found/);
    const distributions = await columnOf('Images found', 'Distribution');
    expect(distributions.length).toBeGreaterThan(0);
    for (const distribution of distributions) expect(distribution).toMatch(/^Ubuntu 22\.04/);
    expect(new Set(await columnOf('Images found', 'Region'))).toEqual(new Set(['ap-northeast-2']));
    await screenshot(page, 'metadata-images');

    await page.getByRole('tab', { name: 'Specs' }).click();
    await page.getByLabel('vCPU min').fill('2');
    await page.getByLabel('Sort by').selectOption('price');
    await searchUntilFound(/\d+\+? specs found/);
    const prices = (await columnOf('Specs found', '$/hour')).map(Number);
    expect(prices.length).toBeGreaterThan(1);
    expect(prices.every((price) => price > 0)).toBe(true);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    await screenshot(page, 'metadata-specs');
  });

  step('creates an MCIS in Express mode, sees it Running on the map and in the list', async () => {
    await go('MCIS', 'MCIS');
    await page.getByRole('link', { name: 'Create MCIS' }).click();
    await page.getByLabel('MCIS name').fill('web');
    await page.getByLabel('vCPU at least').fill('2');
    await clickMapAt(37.5, 127);
    await page.getByText(/^Near 3\d(\.\d+)?, 12\d(\.\d+)?$/).waitFor();
    await page.getByRole('button', { name: 'Recommend specs' }).click();
    await page.getByRole('table', { name: 'Recommended specs' }).waitFor(WAIT);
    const costs = await columnOf('Recommended specs', '$/hour');
    expect(costs.length).toBeGreaterThan(0);
    for (const cost of costs) expect(cost).toMatch(/^\$\d/);
    await page
      .getByRole('table', { name: 'Recommended specs' })
      .getByRole('button', { name: 'Use' })
      .first()
      .click(WAIT);
    await page.getByRole('button', { name: 'Review' }).click();
    await page
      .getByLabel('Review')
      .getByText(/Estimated cost: \$0\.\d*[1-9]\d*\/hour/)
      .waitFor(WAIT);
    await screenshot(page, 'mcis-create-review');
    await page.getByRole('button', { name: 'Create MCIS' }).click();
    await page.getByRole('heading', { name: 'MCIS web' }).waitFor(WAIT);
    await page
      .locator('.badge', { hasText: /^Running/ })
      .first()
      .waitFor(WAIT);
    await screenshot(page, 'mcis-detail');
    await go('Dashboard', /Dashboard/);
    await page.locator('[data-mcis="web"] circle.vm-dot').first().waitFor(WAIT);
    // The VM sits at its region's coordinates (Seoul), not at 0/0.
    const dot = (await page.locator('[data-mcis="web"] circle.vm-dot').first().boundingBox())!;
    const map = (await page.getByRole('img', { name: /World map/ }).boundingBox())!;
    const seoul = mapFraction(37.56, 126.98);
    expect(Math.abs(dot.x + dot.width / 2 - (map.x + seoul.x * map.width))).toBeLessThan(12);
    expect(Math.abs(dot.y + dot.height / 2 - (map.y + seoul.y * map.height))).toBeLessThan(12);
    expect(await page.getByRole('heading', { name: 'VMs by region' }).locator('..').innerText()).toContain(
      'ap-northeast-2',
    );

    // Live: a VM added by someone else (here through the REST API) shows without reloading the page.
    await page.getByRole('heading', { name: 'VMs (1) by status' }).waitFor();
    await callApi('POST', '/tumblebug/ns/e2e/mci/web/subgroup/g1', { numVMsToAdd: 1 });
    const vmCounts = page.getByRole('heading', { name: 'VMs (2) by status' }).locator('..');
    await vmCounts.waitFor(WAIT);
    await page.locator('[data-mcis="web"] circle.vm-dot').nth(1).waitFor(WAIT);
    // ... and turns Running there too, still without a reload.
    await vmCounts.locator('dl > div', { hasText: /^Running\s*2$/ }).waitFor(WAIT);
    await screenshot(page, 'dashboard');
    await page.setViewportSize({ width: 420, height: 900 });
    await screenshot(page, 'dashboard-narrow');
    await page.setViewportSize({ width: 1280, height: 900 });
    await go('MCIS', 'MCIS');
    await page
      .getByRole('row', { name: /web/ })
      .getByText(/Running/)
      .waitFor(WAIT);
    // Two VMs of the chosen spec (the first recommended): twice its $/hour.
    const twice = `$${(2 * Number(costs[0]!.slice(1))).toFixed(4)}`;
    await page.getByRole('row', { name: /web/ }).getByRole('cell', { name: twice, exact: true }).waitFor(WAIT);
    await screenshot(page, 'mcis-list');
  });

  step('suspends the MCIS, then deletes it', async () => {
    await page.getByRole('link', { name: 'web' }).click();
    await page
      .getByRole('group', { name: 'MCIS lifecycle' })
      .or(page.getByLabel('MCIS lifecycle'))
      .getByRole('button', { name: 'Suspend' })
      .click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Yes, suspend' }).click();
    await page
      .locator('.badge', { hasText: /^Suspended/ })
      .first()
      .waitFor(WAIT);
    // Both VMs (the one created and the one added) show suspended.
    await page.getByRole('row', { name: /^g1-2 Suspended/ }).waitFor(WAIT);
    await screenshot(page, 'mcis-detail-suspended');
    await page.getByLabel('MCIS lifecycle').getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Yes, delete' }).click();
    await page.getByRole('heading', { level: 2, name: 'MCIS' }).waitFor(WAIT);
    await page.getByText('No MCIS in this namespace yet.').waitFor(WAIT);
  });

  step('lists the drivers with versions and downloads, and publishes one', async () => {
    await downloadFromHub('mock');
    await go('Drivers', 'Drivers');
    const version = MOCK_DRIVER_MANIFEST.Version;
    // Cells: driver, provider, latest, versions, downloads.
    expect(await driverRow('mock')).toEqual(['mock', 'MOCK', version, version, expect.stringMatching(/^[1-9]\d*$/)]);
    expect(await driverRow('mock-hub')).toEqual(['mock-hub', 'MOCK', version, version, expect.stringMatching(/^\d+$/)]);

    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('alert').filter({ hasText: 'not valid JSON' }).waitFor();
    await page.getByLabel('Manifest (JSON)').fill(JSON.stringify(e2eDriver.manifest));
    await page.getByLabel('Artifact').setInputFiles(e2eDriver.artifactPath);
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('status').filter({ hasText: 'Published e2e-mock 1.0.0.' }).waitFor(WAIT);
    expect(await driverRow('e2e-mock')).toEqual(['e2e-mock', 'MOCK', '1.0.0', '1.0.0', '0']);
    await screenshot(page, 'drivers');
  });
});
