import { NotFoundError } from '@cb/errors';
import { CLOUD_OS_NAMES, cloudOsMeta } from './cloud-os-catalog';

/** Upstream's `CloudOSMetaInfo` wire shape; an absent list is `[""]` as upstream's split of "". */
export interface CloudOsMetaInfo {
  Region: string[];
  Credential: string[];
  CredentialCSP: string[];
  RootDiskType: string[];
  RootDiskSize: string[];
  DiskType: string[];
  DiskSize: string[];
  IdMaxLength: string[];
  DefaultRegionToQuery: string[];
}

export function listCloudOs(): string[] {
  return [...CLOUD_OS_NAMES];
}

const orEmpty = (values: string[] | undefined) => (values?.length ? [...values] : ['']);

export function getCloudOsMetaInfo(cloudOsName: string): CloudOsMetaInfo {
  const meta = cloudOsMeta(cloudOsName);
  if (!meta) throw new NotFoundError(`${cloudOsName}: does not exist!`, { field: 'CloudOSName' });
  return {
    Region: orEmpty(meta.region),
    Credential: orEmpty(meta.credential),
    CredentialCSP: orEmpty(meta.credentialCsp && Object.keys(meta.credentialCsp)),
    RootDiskType: orEmpty(meta.rootDiskType),
    RootDiskSize: orEmpty(meta.rootDiskSize),
    DiskType: orEmpty(meta.diskType),
    DiskSize: orEmpty(meta.diskSize),
    IdMaxLength: orEmpty(meta.idMaxLength),
    DefaultRegionToQuery: orEmpty(meta.defaultRegionToQuery),
  };
}
