import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes a kong.yml for one test into a directory of its own; remove() cleans it up. */
export function writeKongFile(text: string): { path: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'gateway-test-'));
  const path = join(dir, 'kong.yml');
  writeFileSync(path, text);
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
