import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseDocument } from 'yaml';
import { KongConfigError, problemsFromIssues, type ConfigProblem } from './config-error';
import { kongFileSchema, type KongFile } from './entities.schema';
import { resolveConfig, type ResolveOptions } from './resolve-config';
import type { GatewayConfig } from './resolved';

/** Parses and validates kong.yml text; throws KongConfigError naming every problem with its path. */
export function parseKongFile(text: string, fileLabel = 'kong.yml'): KongFile {
  const document = parseDocument(text, { prettyErrors: false });
  if (document.errors.length > 0) {
    throw new KongConfigError(
      fileLabel,
      document.errors.map((e) => ({ path: '', message: `invalid YAML: ${e.message.split('\n')[0]}` })),
    );
  }
  const parsed = kongFileSchema.safeParse(document.toJS({ maxAliasCount: 1000 }));
  if (!parsed.success) throw new KongConfigError(fileLabel, problemsFromIssues(parsed.error.issues));
  return parsed.data;
}

/** Builds what the gateway serves from kong.yml text: one source of truth for routes, plugins and consumers. */
export function compileKongConfig(text: string, options: ResolveOptions = {}, fileLabel = 'kong.yml'): GatewayConfig {
  const file = parseKongFile(text, fileLabel);
  const problems: ConfigProblem[] = [];
  const config = resolveConfig(file, options, problems);
  if (problems.length > 0) throw new KongConfigError(fileLabel, problems);
  return config;
}

export function loadKongConfig(configPath: string, options: ResolveOptions = {}): GatewayConfig {
  let text: string;
  try {
    text = readFileSync(configPath, 'utf8');
  } catch (error) {
    throw new KongConfigError(basename(configPath), [
      { path: '', message: `cannot read ${configPath}: ${(error as Error).message}` },
    ]);
  }
  return compileKongConfig(text, options, basename(configPath));
}
