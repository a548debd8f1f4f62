import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const PROJECT_DIR = join(__dirname, '../..');
export const DIST_DIR = join(PROJECT_DIR, 'dist');

/** Newest modification time under the inputs of the browser build. */
function newestSourceTime(): number {
  const inputs = [join(PROJECT_DIR, 'src/app'), join(PROJECT_DIR, 'index.html'), join(PROJECT_DIR, 'vite.config.mts')];
  let newest = 0;
  const visit = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const input of inputs) if (existsSync(input)) visit(input);
  return newest;
}

export function isBuildStale(): boolean {
  const built = join(DIST_DIR, 'index.html');
  if (!existsSync(built)) return true;
  return statSync(built).mtimeMs < newestSourceTime();
}

/**
 * Builds the browser app with Vite's API when dist is missing or older than its sources, so that
 * `npm start` on a fresh clone serves a console without a separate build step.
 */
export async function buildAppIfStale(log: (message: string) => void): Promise<boolean> {
  if (!isBuildStale()) return false;
  log('building the console (vite build)');
  const { build } = await import('vite');
  await build({ root: PROJECT_DIR, configFile: join(PROJECT_DIR, 'vite.config.mts'), logLevel: 'warn' });
  return true;
}
