import { parseArgs } from 'node:util';
import { buildDriver } from './build-driver';

const USAGE =
  'usage: tsx tools/build-driver/build.ts <driver package dir> --out <dir> [--name <name>] [--version <semver>]';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, name: { type: 'string' }, version: { type: 'string' } },
  });
  if (positionals.length !== 1 || !values.out) throw new Error(USAGE);
  const built = await buildDriver({
    packageDir: positionals[0],
    outDir: values.out,
    name: values.name,
    version: values.version,
  });
  console.log(`artifact ${built.artifactPath} (${built.manifest.size} bytes, sha256 ${built.manifest.sha256})`);
  console.log(`manifest ${built.manifestPath}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
