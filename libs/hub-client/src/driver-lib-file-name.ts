import semver from 'semver';

export interface HubDriverRef {
  /** The driver's name in hub. */
  name: string;
  /** What to download: a semver range, or `latest`. */
  version: string;
}

/**
 * Maps spider's DriverLibFileName to a hub release, after upstream's naming (`aws-driver-v1.0.so`):
 * `<name>-driver-v<major>[.<minor>[.<patch>]].<ext>` asks for the newest release compatible with that
 * version (`^1.0`), any other `<name>.<ext>` for the newest release.
 */
export function hubDriverRefOf(libFileName: string): HubDriverRef {
  const base = libFileName.replace(/\.(m?js|cjs|so)$/, '');
  const match = /^(.+)-driver-v(\d+(?:\.\d+){0,2})$/.exec(base);
  if (match && semver.validRange(`^${match[2]}`)) return { name: match[1], version: `^${match[2]}` };
  return { name: base, version: 'latest' };
}
