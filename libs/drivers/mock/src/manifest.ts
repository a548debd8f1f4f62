import { DRIVER_CONTRACT_VERSION, type DriverManifest, noCapabilities } from '@cb/driver-sdk';
import { TAGGABLE } from './handlers/tag-handler';

/** The lib file name upstream registers the mock under; spider finds drivers by it. */
export const MOCK_DRIVER_LIB_FILE_NAME = 'mock-driver-v1.0.so';

export const MOCK_DRIVER_MANIFEST: DriverManifest = {
  DriverName: 'mock-driver',
  ProviderName: 'MOCK',
  Version: '1.0.0',
  ContractVersion: DRIVER_CONTRACT_VERSION,
  Description: 'MOCK DRIVER Version 1.0',
  Capabilities: {
    ...noCapabilities(),
    ZoneBasedControl: true,
    RegionZoneHandler: true,
    PriceInfoHandler: true,
    ImageHandler: true,
    VMSpecHandler: true,
    VPCHandler: true,
    SecurityHandler: true,
    KeyPairHandler: true,
    VMHandler: true,
    DiskHandler: true,
    MyImageHandler: true,
    NLBHandler: true,
    ClusterHandler: true,
    TagHandler: true,
    TagSupportResourceType: TAGGABLE,
    VPC_CIDR: true,
  },
};
