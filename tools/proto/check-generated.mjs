// Fails when libs/proto/src/gen is stale: regenerates into a temporary directory and compares.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const committed = join(root, 'libs/proto/src/gen');
const fresh = mkdtempSync(join(tmpdir(), 'cb-proto-'));

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

try {
  const template = readFileSync(join(root, 'buf.gen.yaml'), 'utf8').replace('out: libs/proto/src/gen', `out: ${fresh}`);
  const templatePath = join(fresh, '..', `buf.gen.check-${process.pid}.yaml`);
  writeFileSync(templatePath, template);
  const bin = join(root, 'node_modules/.bin');
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
  execFileSync('buf', ['lint'], { cwd: root, env, stdio: 'inherit' });
  execFileSync('buf', ['generate', '--template', templatePath], { cwd: root, env, stdio: 'inherit' });
  rmSync(templatePath);
  // The temporary directory is outside the repo: name the repo's prettier config explicitly.
  execFileSync('prettier', ['--config', join(root, '.prettierrc.json'), '--log-level', 'warn', '--write', fresh], {
    cwd: root,
    env,
    stdio: 'inherit',
  });

  const want = new Map(filesUnder(fresh).map((f) => [relative(fresh, f), readFileSync(f, 'utf8')]));
  const have = new Map(filesUnder(committed).map((f) => [relative(committed, f), readFileSync(f, 'utf8')]));
  const stale = [...new Set([...want.keys(), ...have.keys()])].filter((f) => want.get(f) !== have.get(f));
  if (stale.length > 0) {
    console.error(`libs/proto is stale; run \`npm run proto\` and commit. Differing files:\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`libs/proto is up to date (${want.size} generated files).`);
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
