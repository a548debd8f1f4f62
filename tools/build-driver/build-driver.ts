import type { CloudDriver } from '@cb/driver-sdk';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import semver from 'semver';

export interface BuildDriverOptions {
  /** The driver package's directory (its package.json `main` is the entry). */
  packageDir: string;
  /** The name the driver is published under (and its manifest's DriverName); defaults to the package's. */
  name?: string;
  /** The release version (semver); defaults to the driver manifest's Version. */
  version?: string;
  outDir: string;
}

/** The hub's release manifest, as POST /hub/drivers takes it (plus the artifact's digest and size). */
export interface BuiltManifest {
  name: string;
  provider: string;
  version: string;
  contractVersion: string;
  capabilities: Record<string, unknown>;
  description?: string;
  sha256: string;
  size: number;
}

export interface BuiltDriver {
  manifest: BuiltManifest;
  artifactPath: string;
  manifestPath: string;
}

const NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/;

/**
 * Bundles a driver package (and everything it imports: driver-sdk, zod, ...) into one ES module that
 * exports the driver as `default` and `driver`, renamed and versioned for the hub, and writes the
 * manifest next to it. The package is loaded once here to read its manifest.
 */
export async function buildDriver(options: BuildDriverOptions): Promise<BuiltDriver> {
  const packageDir = resolve(options.packageDir);
  const entry = await entryOf(packageDir);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exported = require(entry) as { driver?: CloudDriver; default?: CloudDriver };
  const base = exported.driver ?? exported.default;
  if (!base?.manifest) throw new Error(`${entry} exports no driver (default or driver) with a manifest`);
  const name = options.name ?? base.manifest.DriverName;
  const version = options.version ?? base.manifest.Version;
  if (!NAME.test(name)) throw new Error(`--name '${name}': lower-case letters, digits, '.', '_' and '-' only`);
  if (!semver.valid(version)) throw new Error(`--version '${version}' is not a semver version`);

  await mkdir(options.outDir, { recursive: true });
  const artifactPath = join(resolve(options.outDir), `${name}-${version}.mjs`);
  // esbuild ships with tsx; loaded lazily so that importing this module costs nothing.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  await esbuild.build({
    stdin: { contents: wrapper(entry, name, version), resolveDir: packageDir, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: artifactPath,
    logLevel: 'silent',
    // CommonJS dependencies bundled into an ES module still call require() for Node's built-ins.
    banner: {
      js: "import { createRequire as __cbCreateRequire } from 'node:module';\nconst require = __cbCreateRequire(import.meta.url);",
    },
  });

  const bytes = await readFile(artifactPath);
  const manifest: BuiltManifest = {
    name,
    provider: base.manifest.ProviderName,
    version,
    contractVersion: base.manifest.ContractVersion,
    capabilities: { ...base.manifest.Capabilities },
    ...(base.manifest.Description ? { description: base.manifest.Description } : {}),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
  };
  const manifestPath = join(resolve(options.outDir), `${name}-${version}.manifest.json`);
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, artifactPath, manifestPath };
}

async function entryOf(packageDir: string): Promise<string> {
  const pkg = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as { main?: string };
  return resolve(packageDir, pkg.main ?? 'index.js');
}

/** The bundle's entry: the package's driver, seen under the release's name and version. */
function wrapper(entry: string, name: string, version: string): string {
  return `
import * as exported from ${JSON.stringify(entry)};
const base: any = (exported as any).driver ?? (exported as any).default;
const manifest = Object.freeze({ ...base.manifest, DriverName: ${JSON.stringify(name)}, Version: ${JSON.stringify(version)} });
// Inherit everything else (connect, reset, ...) from the package's driver.
export const driver = Object.create(base, { manifest: { value: manifest, enumerable: true } });
export default driver;
`;
}
