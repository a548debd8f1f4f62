import type { DriverRegistry } from '@cb/driver-sdk';
import { InvalidArgumentError, NotFoundError } from '@cb/errors';
import type { DriverCallGateway } from '../calls';
import { cloudOsMeta } from '../cim/cloud-os-catalog';
import type { ConnectionInfoSource, ResolvedConnection } from '../cim/connection-resolver';
import type { IidStore } from '../../store/resources';
import { ConnectionScope } from './connection-scope';

/**
 * Upstream's `/preconfig/*`: ask a cloud about its regions before any connection exists, with only a
 * driver and a credential. The cloud is reached in the provider's default region to query (cloudos meta),
 * through the same call gateway; its calls are recorded under `preconfig:<driver>:<credential>`.
 */
export class PreconfigRuntime {
  constructor(
    private readonly source: ConnectionInfoSource,
    private readonly drivers: DriverRegistry,
    private readonly gateway: DriverCallGateway,
    private readonly iids: IidStore,
  ) {}

  async scope(driverName: string | undefined, credentialName: string | undefined): Promise<ConnectionScope> {
    const driverKey = driverName?.trim() ?? '';
    const credentialKey = credentialName?.trim() ?? '';
    if (!driverKey) throw new InvalidArgumentError('DriverName is empty!', { field: 'DriverName' });
    if (!credentialKey) throw new InvalidArgumentError('CredentialName is empty!', { field: 'CredentialName' });
    const [driverInfo, credential] = await Promise.all([
      this.source.findDriver(driverKey),
      this.source.findCredential(credentialKey),
    ]);
    if (!driverInfo) throw new NotFoundError(`${driverKey}: does not exist!`, { field: 'DriverName' });
    if (!credential) throw new NotFoundError(`${credentialKey}: does not exist!`, { field: 'CredentialName' });
    if (credential.ProviderName !== driverInfo.ProviderName) {
      throw new InvalidArgumentError(
        `credential '${credentialKey}' is for ${credential.ProviderName}, driver '${driverKey}' for ${driverInfo.ProviderName}`,
        { field: 'CredentialName' },
      );
    }
    const region = cloudOsMeta(driverInfo.ProviderName)?.defaultRegionToQuery?.[0] ?? '';
    const configName = `preconfig:${driverKey}:${credentialKey}`;
    const target: ResolvedConnection = {
      config: {
        ConfigName: configName,
        ProviderName: driverInfo.ProviderName,
        DriverName: driverKey,
        CredentialName: credentialKey,
        RegionName: '',
      },
      driverInfo,
      driver: this.drivers.get(driverInfo.DriverLibFileName),
      credential: credential.KeyValueInfoList,
      region: [{ Key: 'Region', Value: region }],
      connectionInfo: {
        credential: credential.KeyValueInfoList,
        region: { Region: region },
        connectionName: configName,
      },
    };
    return new ConnectionScope(target, this.gateway, this.iids);
  }
}
