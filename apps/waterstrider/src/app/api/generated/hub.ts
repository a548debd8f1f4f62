// Generated from the CB-Hub OpenAPI document (0.1.0)
// by scripts/gen-api-types.ts. Do not edit: regenerate.

export type Error = {
  message: string;
  code: string;
  details?: {
    [key: string]: unknown;
  };
};

export type Manifest = {
  name: string;
  /** Upper case, e.g. MOCK */
  provider: string;
  /** semver */
  version: string;
  /** driver-sdk contract version (semver) */
  contractVersion: string;
  /** driver-sdk DriverCapabilityInfo (upstream's field names) */
  capabilities: {
    [key: string]: unknown;
  };
  description?: string;
  /** Optional: the upload must have this sha256 (hex) */
  sha256?: string;
  /** Optional: the upload must have this many bytes */
  size?: number;
};

export type Release = Manifest & {
  sha256?: string;
  size?: number;
  publishedAt?: string;
  publishedBy?: string;
  intact?: boolean;
};

export type Driver = {
  name?: string;
  provider?: string;
  latestVersion?: string;
  versionCount?: number;
};

export type Stats = {
  total?: number;
  perVersion?: Array<{
    [key: string]: unknown;
  }>;
  perDay?: Array<{
    [key: string]: unknown;
  }>;
};
