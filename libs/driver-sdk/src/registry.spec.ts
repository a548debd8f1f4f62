import { AppError } from '@cb/errors';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { noCapabilities } from './capabilities';
import { DRIVER_CONTRACT_VERSION } from './contract-version';
import { DriverRegistry } from './registry';

// A driver module as a third party would ship it: plain JavaScript, importing nothing of ours.
const manifest = (contract: string) =>
  JSON.stringify({
    DriverName: 'tiny-driver',
    ProviderName: 'TINY',
    Version: '0.1.0',
    ContractVersion: contract,
    Capabilities: { ...noCapabilities(), RegionZoneHandler: true },
  });
const connect = 'async connect() { return { isConnected: async () => true, close: async () => {} }; }';

describe('DriverRegistry', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'driver-registry-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function write(name: string, content: string): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, content);
    return path;
  }

  // jest's module sandbox cannot load ES modules on Node 20, so this case runs in a plain Node process.
  it('loads an ES module exporting default and registers it under its file name', async () => {
    const path = await write(
      'tiny-esm.mjs',
      `export default { manifest: ${manifest(DRIVER_CONTRACT_VERSION)}, ${connect} };`,
    );
    const script = `
      const { DriverRegistry } = require(${JSON.stringify(join(__dirname, 'registry.ts'))});
      const registry = new DriverRegistry();
      registry.loadFromModule(${JSON.stringify(path)}).then(async (driver) => {
        const connection = await driver.connect({ credential: [], region: { Region: 'r' } });
        const same = registry.get('tiny-esm.mjs') === driver;
        console.log(JSON.stringify({ name: driver.manifest.DriverName, same, connected: await connection.isConnected() }));
      });`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({ name: 'tiny-driver', same: true, connected: true });
  });

  it('loads a CommonJS module exporting driver, under a given lib file name', async () => {
    const path = await write('tiny.cjs', `exports.driver = { manifest: ${manifest('1.0.0')}, ${connect} };`);
    const registry = new DriverRegistry();
    await registry.loadFromModule(path, { fileName: 'tiny-driver-v0.1.so' });
    expect(registry.fileNames()).toEqual(['tiny-driver-v0.1.so']);
  });

  it('checks the module file against the expected sha256 before running it', async () => {
    const content = `exports.driver = { manifest: ${manifest('1.0.0')}, ${connect} };`;
    const path = await write('tiny-sum.cjs', content);
    const sha256 = createHash('sha256').update(content).digest('hex');
    await expect(new DriverRegistry().loadFromModule(path, { sha256 })).resolves.toBeDefined();
    await expect(new DriverRegistry().loadFromModule(path, { sha256: '0'.repeat(64) })).rejects.toThrow(
      /expected 0000/,
    );
  });

  it('refuses a driver built for another contract major', async () => {
    const path = await write('tiny-v2.cjs', `exports.driver = { manifest: ${manifest('2.0.0')}, ${connect} };`);
    await expect(new DriverRegistry().loadFromModule(path)).rejects.toThrow(/contract version 2.0.0 is not compatible/);
  });

  it('names what is wrong with a broken manifest or module', async () => {
    const noName = await write('no-name.cjs', `exports.driver = { manifest: { ProviderName: 'x' }, ${connect} };`);
    await expect(new DriverRegistry().loadFromModule(noName)).rejects.toThrow(/DriverName[\s\S]*upper case/);
    const noExport = await write('no-export.cjs', 'exports.something = 1;');
    await expect(new DriverRegistry().loadFromModule(noExport)).rejects.toThrow(/neither 'default' nor 'driver'/);
    const noConnect = await write('no-connect.cjs', `exports.driver = { manifest: ${manifest('1.0.0')} };`);
    await expect(new DriverRegistry().loadFromModule(noConnect)).rejects.toThrow(/no connect\(\) function/);
    const broken = await write('broken.cjs', 'throw new Error("boom at load");');
    await expect(new DriverRegistry().loadFromModule(broken)).rejects.toThrow(/failed to load: boom at load/);
    await expect(new DriverRegistry().loadFromModule(join(dir, 'absent.cjs'))).rejects.toThrow(/cannot be read/);
  });

  it('loads every driver module of a directory, checking sidecar sha256 files, listing what it refused', async () => {
    const drivers = await mkdtemp(join(tmpdir(), 'driver-dir-'));
    try {
      const good = `exports.driver = { manifest: ${manifest('1.0.0')}, ${connect} };`;
      await writeFile(join(drivers, 'tiny-driver-v0.1.cjs'), good);
      await writeFile(join(drivers, 'summed-driver-v0.1.js'), good);
      await writeFile(
        join(drivers, 'summed-driver-v0.1.js.sha256'),
        `${createHash('sha256').update(good).digest('hex')}  summed-driver-v0.1.js\n`,
      );
      await writeFile(join(drivers, 'tampered-driver-v0.1.cjs'), good);
      await writeFile(join(drivers, 'tampered-driver-v0.1.cjs.sha256'), '0'.repeat(64));
      await writeFile(
        join(drivers, 'future-driver-v0.1.cjs'),
        `exports.driver = { manifest: ${manifest('9.0.0')}, ${connect} };`,
      );
      await writeFile(join(drivers, 'README.md'), '# not a driver');

      const registry = new DriverRegistry();
      const result = await registry.loadFromDirectory(drivers);
      expect(result.loaded).toEqual([
        { fileName: 'summed-driver-v0.1.js', DriverName: 'tiny-driver', Version: '0.1.0' },
        { fileName: 'tiny-driver-v0.1.cjs', DriverName: 'tiny-driver', Version: '0.1.0' },
      ]);
      expect(result.refused).toEqual([
        {
          fileName: 'future-driver-v0.1.cjs',
          reason: expect.stringMatching(/contract version 9.0.0 is not compatible/),
        },
        { fileName: 'tampered-driver-v0.1.cjs', reason: expect.stringMatching(/expected 0000/) },
      ]);
      expect(registry.fileNames().sort()).toEqual(['summed-driver-v0.1.js', 'tiny-driver-v0.1.cjs']);
      await expect(registry.loadFromDirectory(join(drivers, 'absent'))).rejects.toThrow(/cannot be read/);
    } finally {
      await rm(drivers, { recursive: true, force: true });
    }
  });

  it('answers a clear NotFound for an unregistered lib file name', () => {
    const error = (() => {
      try {
        new DriverRegistry().get('aws-driver-v1.0.so');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining("'aws-driver-v1.0.so' is not registered"),
    });
  });
});
