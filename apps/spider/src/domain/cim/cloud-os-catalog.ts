/**
 * Per-provider metadata, as upstream keeps it in cloudos.yaml / cloudos_meta.yaml: the key names a
 * credential and a region must carry, the CSP's own spellings of the credential keys, disk types and
 * sizes, and the maximum id lengths (VPC / Subnet / SG / KeyPair / VM / Disk / NLB / MyImage / Cluster).
 * Each `/`-separated list of upstream is an array here.
 */
export interface CloudOsMeta {
  region: string[];
  credential: string[];
  /** CSP-native credential key → Spider key (e.g. AWS `aws_access_key_id` → `ClientId`). */
  credentialCsp?: Record<string, string>;
  rootDiskType?: string[];
  rootDiskSize?: string[];
  diskType?: string[];
  /** `type|min|max|unit` */
  diskSize?: string[];
  idMaxLength?: string[];
  defaultRegionToQuery?: string[];
  /** Credential keys accepted beyond `credential` (our mock's scale and fault knobs). */
  optionalCredential?: string[];
}

/** The order of upstream's `GET /cloudos`. */
export const CLOUD_OS_NAMES = [
  'AWS',
  'AZURE',
  'GCP',
  'ALIBABA',
  'TENCENT',
  'IBM',
  'ORACLE',
  'OPENSTACK',
  'NCP',
  'NHN',
  'KT',
  'KTCLASSIC',
  'MOCK',
] as const;

export type CloudOsName = (typeof CLOUD_OS_NAMES)[number];

const REGION_ZONE = ['Region', 'Zone'];
const CLIENT_KEYS = ['ClientId', 'ClientSecret'];

export const CLOUD_OS_META: Record<CloudOsName, CloudOsMeta> = {
  AWS: {
    region: REGION_ZONE,
    credential: CLIENT_KEYS,
    credentialCsp: { aws_access_key_id: 'ClientId', aws_secret_access_key: 'ClientSecret' },
    rootDiskType: ['standard', 'gp2', 'gp3'],
    diskType: ['standard', 'gp2', 'gp3', 'io1', 'io2', 'st1', 'sc1'],
    diskSize: ['standard|1|1024|GB', 'gp2|1|16384|GB', 'gp3|1|16384|GB', 'io1|4|16384|GB', 'io2|4|16384|GB'],
    idMaxLength: ['255', '256', '255', '255', '255', '256', '32', '127', '100'],
    defaultRegionToQuery: ['us-east-1'],
  },
  AZURE: {
    region: ['Region', 'Zone'],
    credential: ['ClientId', 'ClientSecret', 'TenantId', 'SubscriptionId'],
    credentialCsp: {
      client_id: 'ClientId',
      client_secret: 'ClientSecret',
      tenant_id: 'TenantId',
      subscription_id: 'SubscriptionId',
    },
    rootDiskType: ['PremiumSSD', 'StandardSSD', 'StandardHDD'],
    diskType: ['PremiumSSD', 'StandardSSD', 'StandardHDD'],
    idMaxLength: ['64', '80', '64', '80', '64', '80', '80', '80', '63'],
    defaultRegionToQuery: ['koreacentral'],
  },
  GCP: {
    region: REGION_ZONE,
    credential: ['PrivateKey', 'ProjectID', 'ClientEmail'],
    credentialCsp: { private_key: 'PrivateKey', project_id: 'ProjectID', client_email: 'ClientEmail' },
    rootDiskType: ['pd-standard', 'pd-balanced', 'pd-ssd', 'pd-extreme'],
    diskType: ['pd-standard', 'pd-balanced', 'pd-ssd', 'pd-extreme'],
    diskSize: ['pd-standard|10|65536|GB', 'pd-balanced|10|65536|GB', 'pd-ssd|10|65536|GB', 'pd-extreme|500|65536|GB'],
    idMaxLength: ['63', '63', '57', '0', '63', '63', '63', '63', '40'],
    defaultRegionToQuery: ['us-central1'],
  },
  ALIBABA: {
    region: REGION_ZONE,
    credential: CLIENT_KEYS,
    credentialCsp: { AccessKeyId: 'ClientId', AccessKeySecret: 'ClientSecret' },
    rootDiskType: ['cloud_essd', 'cloud_efficiency', 'cloud', 'cloud_ssd'],
    diskType: ['cloud', 'cloud_efficiency', 'cloud_ssd', 'cloud_essd'],
    idMaxLength: ['128', '128', '128', '128', '128', '128', '80', '128', '63'],
    defaultRegionToQuery: ['ap-northeast-2'],
  },
  TENCENT: {
    region: REGION_ZONE,
    credential: CLIENT_KEYS,
    credentialCsp: { SecretId: 'ClientId', SecretKey: 'ClientSecret' },
    rootDiskType: ['CLOUD_PREMIUM', 'CLOUD_SSD'],
    diskType: ['CLOUD_PREMIUM', 'CLOUD_SSD', 'CLOUD_HSSD', 'CLOUD_BASIC', 'CLOUD_TSSD'],
    idMaxLength: ['60', '60', '60', '25', '88', '60', '60', '60', '50'],
    defaultRegionToQuery: ['ap-seoul'],
  },
  IBM: { region: REGION_ZONE, credential: ['ApiKey'], idMaxLength: Array(9).fill('63') as string[] },
  ORACLE: { region: REGION_ZONE, credential: ['TenancyId', 'UserId', 'Fingerprint', 'PrivateKey'] },
  OPENSTACK: {
    region: ['Region'],
    credential: ['IdentityEndpoint', 'Username', 'Password', 'DomainName', 'ProjectID'],
    idMaxLength: Array(8).fill('255') as string[],
  },
  NCP: { region: REGION_ZONE, credential: CLIENT_KEYS, idMaxLength: ['30', '30', '30', '30', '30'] },
  NHN: {
    region: REGION_ZONE,
    credential: ['IdentityEndpoint', 'Username', 'Password', 'DomainName', 'TenantId'],
    rootDiskType: ['General_HDD', 'General_SSD'],
    diskType: ['General_HDD', 'General_SSD'],
    idMaxLength: ['0', '0', '255', '255', '255'],
  },
  KT: {
    region: REGION_ZONE,
    credential: ['IdentityEndpoint', 'Username', 'Password', 'DomainName', 'ProjectID'],
  },
  KTCLASSIC: { region: REGION_ZONE, credential: CLIENT_KEYS },
  MOCK: {
    region: ['Region'],
    credential: ['MockName'],
    optionalCredential: [
      'Profile',
      'Seed',
      'ImagesPerRegion',
      'SpecsPerRegion',
      'CatalogVersion',
      'LatencyMs',
      'RateLimitPerSec',
      'FailureRate',
      'VmBootMs',
      'VmStuckRate',
      'FailOps',
    ],
    rootDiskType: ['SSD', 'HDD', 'MEM'],
    diskType: ['SSD', 'HDD', 'MEM'],
    diskSize: ['SSD|1|16384|GB', 'HDD|1|16384|GB', 'MEM|10|512|GB'],
    idMaxLength: ['255', '255', '255', '255', '255', '255', '255', '255', '255', '0'],
    defaultRegionToQuery: ['default'],
  },
};

export function cloudOsMeta(provider: string): CloudOsMeta | undefined {
  return (CLOUD_OS_META as Record<string, CloudOsMeta | undefined>)[provider.toUpperCase()];
}
