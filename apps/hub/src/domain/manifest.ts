import type { DriverCapabilityInfo } from '@cb/driver-sdk';
import { validateDriver } from '@cb/driver-sdk';
import { AppError, InvalidArgumentError } from '@cb/errors';
import semver from 'semver';
import { z } from 'zod';

/** What a driver release declares: the hub's key (name + version) and what spider checks at load. */
export interface ReleaseManifest {
  name: string;
  provider: string;
  version: string;
  contractVersion: string;
  capabilities: DriverCapabilityInfo;
  description?: string;
  /** The publisher's own sha256 of the artifact: when given, the upload must match it. */
  sha256?: string;
  /** The publisher's own byte count of the artifact: when given, the upload must match it. */
  size?: number;
}

/** Names become paths and URL segments, so only a safe alphabet gets through. */
export const DRIVER_NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/;

export function checkDriverName(name: string, field = 'name'): string {
  if (!DRIVER_NAME.test(name) || name.includes('..')) {
    throw new InvalidArgumentError(
      `${field} '${name.slice(0, 80)}' is not a driver name: 1-63 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit`,
      { field },
    );
  }
  return name;
}

export function checkVersion(version: string, field = 'version'): string {
  const valid = semver.valid(version);
  if (!valid || valid !== version) {
    throw new InvalidArgumentError(`${field} '${version.slice(0, 80)}' is not a semver version (e.g. 1.2.3)`, {
      field,
    });
  }
  return version;
}

const schema = z.object({
  name: z.string(),
  provider: z.string().min(1).max(64),
  version: z.string(),
  contractVersion: z.string(),
  capabilities: z.record(z.string(), z.unknown()),
  description: z.string().max(1000).optional(),
  sha256: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex digits')
    .transform((v) => v.toLowerCase())
    .optional(),
  size: z.number().int().nonnegative().optional(),
});

/** Parses the manifest part of an upload; every problem is named in one InvalidArgumentError. */
export function parseManifest(text: string): ReleaseManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InvalidArgumentError('manifest is not valid JSON', { field: 'manifest' });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new InvalidArgumentError(`invalid manifest: ${z.prettifyError(parsed.error)}`, { field: 'manifest' });
  }
  const m = parsed.data;
  checkDriverName(m.name, 'manifest.name');
  checkVersion(m.version, 'manifest.version');
  // The driver-sdk's own checks (capability flags, upper-case provider, contract compatibility), run
  // on the manifest alone: the artifact is never executed by the hub.
  try {
    validateDriver(
      {
        manifest: {
          DriverName: m.name,
          ProviderName: m.provider,
          Version: m.version,
          ContractVersion: m.contractVersion,
          Capabilities: m.capabilities,
          Description: m.description,
        },
        connect: () => Promise.reject(new Error('not loaded')),
      },
      'manifest',
    );
  } catch (error) {
    if (error instanceof AppError) throw new InvalidArgumentError(error.message, { field: 'manifest' });
    throw error;
  }
  return {
    name: m.name,
    provider: m.provider,
    version: m.version,
    contractVersion: m.contractVersion,
    capabilities: m.capabilities as unknown as DriverCapabilityInfo,
    ...(m.description !== undefined ? { description: m.description } : {}),
    ...(m.sha256 !== undefined ? { sha256: m.sha256 } : {}),
    ...(m.size !== undefined ? { size: m.size } : {}),
  };
}
