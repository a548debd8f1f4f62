import { publishDriver } from '@cb/hub-client';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { buildDriver, type BuiltDriver } from '../../../tools/build-driver/build-driver';
import { PUBLISHER, type RunningHub, startHub } from './hub-harness';

const repoRoot = resolve(__dirname, '../../..');
const LIB_FILE_NAME = 'mock-hub-driver-v1.0.js';

/** Runs the spider-like fixture in its own Node process (ES modules cannot load inside jest on Node 20). */
async function runFixture(mode: 'use' | 'load-file', env: Record<string, string>) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'fixtures/load-from-hub.ts'), mode],
    { cwd: repoRoot, env: { ...process.env, ...env }, timeout: 60_000 },
  );
  return JSON.parse(stdout.trim().split('\n').pop()!) as { ok: boolean; result?: any; error?: string };
}

describe('spider-side loading of a driver it does not ship, from hub', () => {
  let hub: RunningHub;
  let work: string;
  let cacheDir: string;
  let v1: BuiltDriver;

  beforeAll(async () => {
    hub = await startHub();
    work = await mkdtemp(join(tmpdir(), 'cb-hub-build-'));
    cacheDir = join(work, 'cache');
    v1 = await buildDriver({
      packageDir: join(repoRoot, 'libs/drivers/mock'),
      name: 'mock-hub',
      outDir: join(work, 'v1'),
    });
    const target = { baseUrl: hub.rest, ...PUBLISHER };
    const published = await publishDriver(target, v1.manifestPath, v1.artifactPath);
    expect(published).toMatchObject({ name: 'mock-hub', version: '1.0.0', sha256: v1.manifest.sha256, created: true });
  });
  afterAll(async () => {
    await hub?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  const env = () => ({ HUB_GRPC: hub.grpc, CACHE_DIR: cacheDir, LIB_FILE_NAME });

  it('builds the mock as one ES module with a manifest naming it mock-hub', () => {
    expect(v1.manifest).toMatchObject({
      name: 'mock-hub',
      provider: 'MOCK',
      version: '1.0.0',
      contractVersion: '1.0.0',
    });
    expect(v1.manifest.capabilities).toMatchObject({ VPCHandler: true, VMHandler: true });
  });

  it('fetches, verifies, caches and loads it, then creates a VPC and a VM through it', async () => {
    const outcome = await runFixture('use', env());
    expect(outcome.error).toBeUndefined();
    expect(outcome.result).toMatchObject({
      manifest: { DriverName: 'mock-hub', ProviderName: 'MOCK', Version: '1.0.0' },
      version: '1.0.0',
      sha256: v1.manifest.sha256,
      vpc: 'hub-vpc',
      vm: { name: 'hub-vm', status: 'Running' },
    });
    const downloads = (await (await fetch(`${hub.rest}/drivers/mock-hub/downloads`)).json()) as {
      downloads: unknown[];
    };
    expect(downloads.downloads).toEqual([expect.objectContaining({ version: '1.0.0', client: 'spider-fixture' })]);
  });

  it('refuses to load a cached artifact that was changed on disk', async () => {
    const [cached] = await readdir(join(cacheDir, 'mock-hub'));
    const path = join(cacheDir, 'mock-hub', cached);
    await writeFile(path, `${await readFile(path, 'utf8')}\nglobalThis.owned = true;\n`);
    const outcome = await runFixture('load-file', { MODULE_PATH: path, MODULE_SHA256: v1.manifest.sha256 });
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatch(new RegExp(`has sha256 [0-9a-f]{64}, expected ${v1.manifest.sha256}`));
  });

  it('picks up a newly published compatible version', async () => {
    const v11 = await buildDriver({
      packageDir: join(repoRoot, 'libs/drivers/mock'),
      name: 'mock-hub',
      version: '1.1.0',
      outDir: join(work, 'v11'),
    });
    await publishDriver({ baseUrl: hub.rest, ...PUBLISHER }, v11.manifestPath, v11.artifactPath);
    const outcome = await runFixture('use', env());
    expect(outcome.result).toMatchObject({
      version: '1.1.0',
      manifest: { Version: '1.1.0' },
      sha256: v11.manifest.sha256,
    });
  });

  it('fails to load when the blob in hub storage was tampered with', async () => {
    const blob = join(hub.storageDir, 'mock-hub', '1.1.0.mjs');
    await writeFile(blob, `${await readFile(blob, 'utf8')}\n// tampered\n`);
    const outcome = await runFixture('use', env());
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatch(/mock-hub 1.1.0 failed its sha256 check/);
  });
});
