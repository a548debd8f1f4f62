import type { CloudDriver, ConnectionInfo, DriverRegistry, KeyValue } from '@cb/driver-sdk';
import { InvalidArgumentError, NotFoundError } from '@cb/errors';
import type { CloudDriverInfo, ConnectionConfigInfo, CredentialInfo, RegionInfoRecord } from './model';

/** Everything needed to talk to the cloud behind one connection config. */
export interface ResolvedConnection {
  config: ConnectionConfigInfo;
  driverInfo: CloudDriverInfo;
  /** From the DriverRegistry, by the driver's DriverLibFileName. */
  driver: CloudDriver;
  /** Decrypted credential key/values: pass them to the driver, never to a response or a log. */
  credential: KeyValue[];
  /** The region's key/values as registered (e.g. `Region`, `Zone`). */
  region: KeyValue[];
  /** Ready for `driver.connect(connectionInfo)`. */
  connectionInfo: ConnectionInfo;
}

/** What resolving reads: the CIM store (credential values already decrypted). */
export interface ConnectionInfoSource {
  findConnectionConfig(name: string): Promise<ConnectionConfigInfo | null>;
  findDriver(name: string): Promise<CloudDriverInfo | null>;
  findCredential(name: string): Promise<CredentialInfo | null>;
  findRegion(name: string): Promise<RegionInfoRecord | null>;
}

/** Brings a driver library into the registry when it is not there yet (spider's: from hub). */
export interface DriverLibraries {
  ensure(libFileName: string): Promise<void>;
}

/** Turns a ConnectionName into a driver plus its connection info, with upstream's error texts. */
export class ConnectionResolver {
  constructor(
    private readonly source: ConnectionInfoSource,
    private readonly drivers: DriverRegistry,
    private readonly libraries?: DriverLibraries,
  ) {}

  async resolve(connectionName: string | undefined): Promise<ResolvedConnection> {
    const name = connectionName?.trim() ?? '';
    if (!name) throw new InvalidArgumentError('ConnectionName is empty!', { field: 'ConnectionName' });
    const config = await this.source.findConnectionConfig(name);
    if (!config) throw new NotFoundError(`${name}: does not exist!`, { field: 'ConnectionName' });
    const [driverInfo, credential, region] = await Promise.all([
      this.source.findDriver(config.DriverName),
      this.source.findCredential(config.CredentialName),
      this.source.findRegion(config.RegionName),
    ]);
    // Deletes of objects in use are refused, but a config may have been registered before its parts
    // (upstream allows that), so each part can still be missing here.
    if (!driverInfo) throw new NotFoundError(`${config.DriverName}: does not exist!`, { field: 'DriverName' });
    if (!credential) throw new NotFoundError(`${config.CredentialName}: does not exist!`, { field: 'CredentialName' });
    if (!region) throw new NotFoundError(`${config.RegionName}: does not exist!`, { field: 'RegionName' });
    // After a restart a driver fetched from hub is only in the database: load it again on first use.
    if (!this.drivers.has(driverInfo.DriverLibFileName)) await this.libraries?.ensure(driverInfo.DriverLibFileName);
    const driver = this.drivers.get(driverInfo.DriverLibFileName);
    return {
      config,
      driverInfo,
      driver,
      credential: credential.KeyValueInfoList,
      region: region.KeyValueInfoList,
      connectionInfo: {
        credential: credential.KeyValueInfoList,
        region: regionOf(region.KeyValueInfoList),
        connectionName: config.ConfigName,
      },
    };
  }
}

/** Upstream reads the `Region` and `Zone` keys (case-insensitively) of a region record. */
function regionOf(keyValues: KeyValue[]): ConnectionInfo['region'] {
  const value = (key: string) => keyValues.find((kv) => kv.Key.toLowerCase() === key.toLowerCase())?.Value;
  const zone = value('Zone');
  return zone ? { Region: value('Region') ?? '', Zone: zone } : { Region: value('Region') ?? '' };
}
