import type { ResourceType } from './resources';

/**
 * Upstream's DriverCapabilityInfo. The Go struct has no json tags, so these Go field names are also the
 * wire keys of `GET /driver/capability`.
 */
export interface DriverCapabilityInfo {
  ZoneBasedControl: boolean;
  RegionZoneHandler: boolean;
  PriceInfoHandler: boolean;
  ImageHandler: boolean;
  VMSpecHandler: boolean;
  VPCHandler: boolean;
  SecurityHandler: boolean;
  KeyPairHandler: boolean;
  VMHandler: boolean;
  DiskHandler: boolean;
  MyImageHandler: boolean;
  NLBHandler: boolean;
  ClusterHandler: boolean;
  FileSystemHandler: boolean;
  QuotaInfoHandler: boolean;
  RDBMSHandler: boolean;
  DBSpecHandler: boolean;
  RDBMSMySQLHandler: boolean;
  RDBMSMariaDBHandler: boolean;
  RDBMSPostgreSQLHandler: boolean;
  PublicIPHandler: boolean;
  NICHandler: boolean;
  TagHandler: boolean;
  TagSupportResourceType: ResourceType[];
  VPC_CIDR: boolean;
  EMULATED_VPC: boolean;
  SINGLE_VPC: boolean;
}

/** A capability set with nothing supported; drivers spread their own flags over it. */
export function noCapabilities(): DriverCapabilityInfo {
  return {
    ZoneBasedControl: false,
    RegionZoneHandler: false,
    PriceInfoHandler: false,
    ImageHandler: false,
    VMSpecHandler: false,
    VPCHandler: false,
    SecurityHandler: false,
    KeyPairHandler: false,
    VMHandler: false,
    DiskHandler: false,
    MyImageHandler: false,
    NLBHandler: false,
    ClusterHandler: false,
    FileSystemHandler: false,
    QuotaInfoHandler: false,
    RDBMSHandler: false,
    DBSpecHandler: false,
    RDBMSMySQLHandler: false,
    RDBMSMariaDBHandler: false,
    RDBMSPostgreSQLHandler: false,
    PublicIPHandler: false,
    NICHandler: false,
    TagHandler: false,
    TagSupportResourceType: [],
    VPC_CIDR: false,
    EMULATED_VPC: false,
    SINGLE_VPC: false,
  };
}
