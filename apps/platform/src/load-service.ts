import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ServiceModule } from '@cb/runtime';
import type { CatalogEntry } from './service-catalog';

/** Where the package's entry point is, or undefined when the package or its entry file does not exist yet. */
function entryPointOf(packageName: string): string | undefined {
  let manifest: string;
  try {
    manifest = require.resolve(`${packageName}/package.json`);
  } catch {
    return undefined;
  }
  const main = (JSON.parse(readFileSync(manifest, 'utf8')) as { main?: string }).main ?? 'index.js';
  const entry = join(dirname(manifest), main);
  return existsSync(entry) ? entry : undefined;
}

/** The service's module, or undefined when it is not built (yet) in this workspace. */
export function loadServiceModule(entry: CatalogEntry): ServiceModule | undefined {
  const entryPoint = entryPointOf(entry.packageName);
  if (!entryPoint) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exports = require(entryPoint) as Record<string, unknown>;
  const module = exports[entry.exportName] as ServiceModule | undefined;
  if (!module || typeof module.create !== 'function') {
    throw new Error(`${entry.packageName} does not export ${entry.exportName} (a ServiceModule)`);
  }
  return module;
}
