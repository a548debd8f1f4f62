import type { SecretBox } from '@cb/secrets';
import { maskSecret } from '@cb/secrets';
import type { CloudDriverInfo, ConnectionConfigInfo, CredentialInfo, RegionInfoRecord } from '../../domain/cim/model';
import type { CloudDriverEntity, ConnectionConfigEntity, CredentialEntity, RegionEntity } from './cim-entities';

/** Rows ↔ upstream-shaped records. Credential values are sealed on the way in, masked or opened on the way out. */
export const toDriverInfo = (row: CloudDriverEntity): CloudDriverInfo => ({
  DriverName: row.driverName,
  ProviderName: row.providerName,
  DriverLibFileName: row.driverLibFileName,
});

export const toRegionInfo = (row: RegionEntity): RegionInfoRecord => ({
  RegionName: row.regionName,
  ProviderName: row.providerName,
  KeyValueInfoList: row.keyValueInfoList,
  AvailableZoneList: row.availableZoneList,
});

export const toConnectionConfigInfo = (row: ConnectionConfigEntity): ConnectionConfigInfo => ({
  ConfigName: row.configName,
  ProviderName: row.providerName,
  DriverName: row.driverName,
  CredentialName: row.credentialName,
  RegionName: row.regionName,
});

export const toMaskedCredentialInfo = (row: CredentialEntity): CredentialInfo => ({
  CredentialName: row.credentialName,
  ProviderName: row.providerName,
  KeyValueInfoList: row.keyValueInfoList.map((kv) => ({ Key: kv.Key, Value: maskSecret(kv.Value) })),
});

export const toOpenCredentialInfo = (row: CredentialEntity, box: SecretBox): CredentialInfo => ({
  CredentialName: row.credentialName,
  ProviderName: row.providerName,
  KeyValueInfoList: row.keyValueInfoList.map((kv) => ({ Key: kv.Key, Value: box.decrypt(kv.Value) })),
});

export const sealKeyValues = (info: CredentialInfo, box: SecretBox) =>
  info.KeyValueInfoList.map((kv) => ({ Key: kv.Key, Value: box.encrypt(kv.Value) }));
