import { InvalidArgumentError } from '@cb/errors';
import { maskSecret } from '@cb/secrets';
import { doesNotExist } from './cim-errors';
import type { ConnectionInfoStore } from './connection-info-store';
import type { DriverLibraries } from './connection-resolver';
import { checkCredentialKeys, checkRegionKeys, requireCloudOs } from './key-value-rules';
import type { CloudDriverInfo, ConnectionConfigInfo, CredentialInfo, RegionInfoRecord } from './model';

/**
 * Register / list / get / delete of the four CIM objects with upstream's rules: register is an upsert,
 * ProviderName is upper-cased, keys are checked against the provider's metadata, deleting a missing
 * name succeeds. Ours on top: a config must name existing parts of its own provider, and nothing a
 * config uses can be deleted (see cim-errors).
 */
export class ConnectionInfoService {
  constructor(
    private readonly store: ConnectionInfoStore,
    /** When given, a DriverLibFileName spider does not ship must load (from hub) before it is registered. */
    private readonly libraries?: DriverLibraries,
  ) {}

  async registerDriver(input: CloudDriverInfo): Promise<CloudDriverInfo> {
    const info = { ...input, ProviderName: provider(input.ProviderName) };
    await this.libraries?.ensure(info.DriverLibFileName);
    return this.store.saveDriver(info);
  }

  listDrivers(providerFilter?: string): Promise<CloudDriverInfo[]> {
    return this.store.listDrivers(filter(providerFilter));
  }

  async getDriver(name: string): Promise<CloudDriverInfo> {
    return (await this.store.findDriver(name)) ?? throwMissing(name, 'DriverName');
  }

  deleteDriver(name: string): Promise<boolean> {
    return this.store.deleteDriver(name);
  }

  /** Answers the stored credential with every value masked: secrets never leave, not even here. */
  async registerCredential(input: CredentialInfo): Promise<CredentialInfo> {
    const ProviderName = provider(input.ProviderName);
    const KeyValueInfoList = checkCredentialKeys(ProviderName, input.KeyValueInfoList);
    await this.store.saveCredential({ CredentialName: input.CredentialName, ProviderName, KeyValueInfoList });
    return mask({ CredentialName: input.CredentialName, ProviderName, KeyValueInfoList });
  }

  listCredentials(providerFilter?: string): Promise<CredentialInfo[]> {
    return this.store.listCredentialsMasked(filter(providerFilter));
  }

  async getCredential(name: string): Promise<CredentialInfo> {
    return (await this.store.findCredentialMasked(name)) ?? throwMissing(name, 'CredentialName');
  }

  deleteCredential(name: string): Promise<boolean> {
    return this.store.deleteCredential(name);
  }

  registerRegion(input: RegionInfoRecord): Promise<RegionInfoRecord> {
    const ProviderName = provider(input.ProviderName);
    const KeyValueInfoList = checkRegionKeys(ProviderName, input.KeyValueInfoList);
    return this.store.saveRegion({ ...input, ProviderName, KeyValueInfoList });
  }

  listRegions(providerFilter?: string): Promise<RegionInfoRecord[]> {
    return this.store.listRegions(filter(providerFilter));
  }

  async getRegion(name: string): Promise<RegionInfoRecord> {
    return (await this.store.findRegion(name)) ?? throwMissing(name, 'RegionName');
  }

  deleteRegion(name: string): Promise<boolean> {
    return this.store.deleteRegion(name);
  }

  registerConnectionConfig(input: ConnectionConfigInfo): Promise<ConnectionConfigInfo> {
    return this.store.saveConnectionConfig({ ...input, ProviderName: provider(input.ProviderName) });
  }

  listConnectionConfigs(providerFilter?: string): Promise<ConnectionConfigInfo[]> {
    return this.store.listConnectionConfigs(filter(providerFilter));
  }

  async getConnectionConfig(name: string): Promise<ConnectionConfigInfo> {
    return (await this.store.findConnectionConfig(name)) ?? throwMissing(name, 'ConfigName');
  }

  deleteConnectionConfig(name: string): Promise<boolean> {
    return this.store.deleteConnectionConfig(name);
  }

  countConnectionConfigs(providerFilter?: string): Promise<number> {
    return this.store.countConnectionConfigs(filter(providerFilter));
  }
}

/** Upstream upper-cases ProviderName on every register; ours must also be a known cloud OS. */
function provider(name: string): string {
  const upper = name.trim().toUpperCase();
  if (!upper) throw new InvalidArgumentError('ProviderName is empty', { field: 'ProviderName' });
  requireCloudOs(upper);
  return upper;
}

function filter(providerFilter: string | undefined): string | undefined {
  const value = providerFilter?.trim();
  return value ? value.toUpperCase() : undefined;
}

function mask(info: CredentialInfo): CredentialInfo {
  return { ...info, KeyValueInfoList: info.KeyValueInfoList.map((kv) => ({ Key: kv.Key, Value: maskSecret() })) };
}

function throwMissing(name: string, field: string): never {
  throw doesNotExist(name, field);
}
