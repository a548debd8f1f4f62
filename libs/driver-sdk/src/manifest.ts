import { InvalidArgumentError } from '@cb/errors';
import semver from 'semver';
import { z } from 'zod';
import type { DriverCapabilityInfo } from './capabilities';
import { DRIVER_CONTRACT_VERSION, isContractCompatible } from './contract-version';
import type { CloudDriver, DriverManifest } from './driver';
import { RESOURCE_TYPES } from './resources';

const flag = z.boolean();

const capabilitiesSchema = z.object({
  ZoneBasedControl: flag,
  RegionZoneHandler: flag,
  PriceInfoHandler: flag,
  ImageHandler: flag,
  VMSpecHandler: flag,
  VPCHandler: flag,
  SecurityHandler: flag,
  KeyPairHandler: flag,
  VMHandler: flag,
  DiskHandler: flag,
  MyImageHandler: flag,
  NLBHandler: flag,
  ClusterHandler: flag,
  FileSystemHandler: flag,
  QuotaInfoHandler: flag,
  RDBMSHandler: flag,
  DBSpecHandler: flag,
  RDBMSMySQLHandler: flag,
  RDBMSMariaDBHandler: flag,
  RDBMSPostgreSQLHandler: flag,
  PublicIPHandler: flag,
  NICHandler: flag,
  TagHandler: flag,
  TagSupportResourceType: z.array(z.enum(RESOURCE_TYPES)),
  VPC_CIDR: flag,
  EMULATED_VPC: flag,
  SINGLE_VPC: flag,
}) satisfies z.ZodType<DriverCapabilityInfo>;

const semverString = z.string().refine((v) => semver.valid(v) !== null, { message: 'must be a semver version' });

const manifestSchema = z.object({
  DriverName: z.string().min(1),
  ProviderName: z
    .string()
    .min(1)
    .refine((v) => v === v.toUpperCase(), { message: 'must be upper case, e.g. MOCK' }),
  Version: semverString,
  ContractVersion: semverString,
  Capabilities: capabilitiesSchema,
  Description: z.string().optional(),
}) satisfies z.ZodType<DriverManifest>;

/** Checks a driver object found at run time; every problem is named in one InvalidArgumentError. */
export function validateDriver(candidate: unknown, source: string): CloudDriver {
  if (typeof candidate !== 'object' || candidate === null) {
    throw new InvalidArgumentError(`${source}: the driver must be an object with a manifest and connect()`);
  }
  const driver = candidate as Partial<CloudDriver>;
  if (typeof driver.connect !== 'function') {
    throw new InvalidArgumentError(`${source}: the driver has no connect() function`);
  }
  const parsed = manifestSchema.safeParse(driver.manifest);
  if (!parsed.success) {
    throw new InvalidArgumentError(`${source}: invalid driver manifest: ${z.prettifyError(parsed.error)}`);
  }
  const contract = parsed.data.ContractVersion;
  if (!isContractCompatible(contract)) {
    throw new InvalidArgumentError(
      `${source}: driver contract version ${contract} is not compatible with this runtime's ${DRIVER_CONTRACT_VERSION}`,
      { field: 'manifest.ContractVersion' },
    );
  }
  return driver as CloudDriver;
}
