import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearStalePostmaster, isInitialised } from './postgres-data-dir';

describe('clearStalePostmaster', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cb-pgdata-'));
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('removes the pid file of a server that no longer runs', async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(join(dataDir, 'postmaster.pid'), `${gone}\n${dataDir}\n`);
    await clearStalePostmaster(dataDir);
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
  });

  it('removes a pid file whose pid now belongs to another program', async () => {
    writeFileSync(join(dataDir, 'postmaster.pid'), `${process.pid}\n${dataDir}\n`);
    await clearStalePostmaster(dataDir);
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
  });

  it('does nothing when there is no pid file', async () => {
    await expect(clearStalePostmaster(dataDir)).resolves.toBeUndefined();
    expect(isInitialised(dataDir)).toBe(false);
  });
});
