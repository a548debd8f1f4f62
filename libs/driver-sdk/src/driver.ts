import type { DriverCapabilityInfo } from './capabilities';
import type {
  ClusterHandler,
  DiskHandler,
  ImageHandler,
  KeyPairHandler,
  MyImageHandler,
  NLBHandler,
  PriceHandler,
  RegionZoneHandler,
  SecurityHandler,
  TagHandler,
  VMHandler,
  VMSpecHandler,
  VPCHandler,
} from './handlers';
import type { KeyValue, RegionInfo } from './resources';

/** What a driver module declares about itself; validated by the registry before the driver is used. */
export interface DriverManifest {
  /** e.g. `mock-driver` */
  DriverName: string;
  /** Upper-case cloud name, e.g. `MOCK`, `AWS`. */
  ProviderName: string;
  /** The driver's own version (semver). */
  Version: string;
  /** The driver-sdk contract version the driver was built against (semver). */
  ContractVersion: string;
  Capabilities: DriverCapabilityInfo;
  Description?: string;
}

/** Upstream's ConnectionInfo: the decrypted credential and the region the connection is bound to. */
export interface ConnectionInfo {
  credential: KeyValue[];
  region: RegionInfo;
  /** The connection config's name, for messages only. */
  connectionName?: string;
}

/**
 * One live connection to a cloud account in one region. A getter answers undefined when the driver does not
 * support that resource kind (its capability flag is false).
 */
export interface CloudConnection {
  regionZone(): RegionZoneHandler | undefined;
  image(): ImageHandler | undefined;
  vmSpec(): VMSpecHandler | undefined;
  price(): PriceHandler | undefined;
  vpc(): VPCHandler | undefined;
  security(): SecurityHandler | undefined;
  keyPair(): KeyPairHandler | undefined;
  vm(): VMHandler | undefined;
  disk(): DiskHandler | undefined;
  myImage(): MyImageHandler | undefined;
  nlb(): NLBHandler | undefined;
  cluster(): ClusterHandler | undefined;
  tag(): TagHandler | undefined;
  /** Cheap liveness probe of the credential and endpoint. */
  isConnected(): Promise<boolean>;
  close(): Promise<void>;
}

/** The one object a driver module exports (as `default` or `driver`). It never imports the runtime. */
export interface CloudDriver {
  readonly manifest: DriverManifest;
  connect(connectionInfo: ConnectionInfo): Promise<CloudConnection>;
}
