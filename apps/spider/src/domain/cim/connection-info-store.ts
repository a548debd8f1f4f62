import type { ConnectionInfoSource } from './connection-resolver';
import type { CloudDriverInfo, ConnectionConfigInfo, CredentialInfo, RegionInfoRecord } from './model';

/**
 * The CIM store as the domain sees it. Writes are atomic: a save or delete that would orphan or
 * mislabel a connection config throws ConflictError (cim-errors), a config naming a missing part
 * throws NotFoundError, and config writes record their event in the same transaction.
 * Lists filter by provider when one is given (upper case).
 */
export interface ConnectionInfoStore extends ConnectionInfoSource {
  saveDriver(info: CloudDriverInfo): Promise<CloudDriverInfo>;
  listDrivers(provider?: string): Promise<CloudDriverInfo[]>;
  /** False when there was nothing to delete. */
  deleteDriver(name: string): Promise<boolean>;

  /** Values are given in plain text and stored encrypted. */
  saveCredential(info: CredentialInfo): Promise<void>;
  /** Every value already replaced by the mask: listing never decrypts. */
  listCredentialsMasked(provider?: string): Promise<CredentialInfo[]>;
  findCredentialMasked(name: string): Promise<CredentialInfo | null>;
  deleteCredential(name: string): Promise<boolean>;

  saveRegion(info: RegionInfoRecord): Promise<RegionInfoRecord>;
  listRegions(provider?: string): Promise<RegionInfoRecord[]>;
  deleteRegion(name: string): Promise<boolean>;

  saveConnectionConfig(info: ConnectionConfigInfo): Promise<ConnectionConfigInfo>;
  listConnectionConfigs(provider?: string): Promise<ConnectionConfigInfo[]>;
  deleteConnectionConfig(name: string): Promise<boolean>;
  countConnectionConfigs(provider?: string): Promise<number>;
}
