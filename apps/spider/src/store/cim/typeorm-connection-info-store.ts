import { InvalidArgumentError } from '@cb/errors';
import type { SecretBox } from '@cb/secrets';
import type { DataSource, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { doesNotExist, type CimKind } from '../../domain/cim/cim-errors';
import type { ConnectionInfoStore } from '../../domain/cim/connection-info-store';
import type { CloudDriverInfo, ConnectionConfigInfo, CredentialInfo, RegionInfoRecord } from '../../domain/cim/model';
import { CloudDriverEntity, ConnectionConfigEntity, CredentialEntity, RegionEntity } from './cim-entities';
import {
  sealKeyValues,
  toConnectionConfigInfo,
  toDriverInfo,
  toMaskedCredentialInfo,
  toOpenCredentialInfo,
  toRegionInfo,
} from './cim-mappers';
import { deletePart, PART_TABLES, upsertPart } from './cim-parts';
import type { ConnectionEventsOutbox } from './connection-events-outbox';

const ORDER = { createdAt: 'ASC' } as const;

/** The CIM tables in PostgreSQL through TypeORM. */
export class TypeOrmConnectionInfoStore implements ConnectionInfoStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secrets: SecretBox,
    private readonly events: ConnectionEventsOutbox,
  ) {}

  private list<E extends ObjectLiteral & { providerName: string }>(target: EntityTarget<E>, provider?: string) {
    const where = (provider ? { providerName: provider } : {}) as FindOptionsWhere<E>;
    return this.dataSource.getRepository(target).find({ where, order: ORDER as never });
  }

  private one<E extends ObjectLiteral>(target: EntityTarget<E>, where: FindOptionsWhere<E>) {
    return this.dataSource.getRepository(target).findOneBy(where);
  }

  async saveDriver(info: CloudDriverInfo): Promise<CloudDriverInfo> {
    await upsertPart(this.dataSource, 'driver', info.DriverName, info.ProviderName, {
      driver_lib_file_name: info.DriverLibFileName,
    });
    return info;
  }

  async listDrivers(provider?: string): Promise<CloudDriverInfo[]> {
    return (await this.list(CloudDriverEntity, provider)).map(toDriverInfo);
  }

  async findDriver(name: string): Promise<CloudDriverInfo | null> {
    const row = await this.one(CloudDriverEntity, { driverName: name });
    return row && toDriverInfo(row);
  }

  deleteDriver(name: string): Promise<boolean> {
    return deletePart(this.dataSource, 'driver', name);
  }

  async saveCredential(info: CredentialInfo): Promise<void> {
    await upsertPart(this.dataSource, 'credential', info.CredentialName, info.ProviderName, {
      key_value_info_list: JSON.stringify(sealKeyValues(info, this.secrets)),
    });
  }

  async listCredentialsMasked(provider?: string): Promise<CredentialInfo[]> {
    return (await this.list(CredentialEntity, provider)).map(toMaskedCredentialInfo);
  }

  async findCredentialMasked(name: string): Promise<CredentialInfo | null> {
    const row = await this.one(CredentialEntity, { credentialName: name });
    return row && toMaskedCredentialInfo(row);
  }

  /** The only way values leave the store in clear: for a driver call, never for a response. */
  async findCredential(name: string): Promise<CredentialInfo | null> {
    const row = await this.one(CredentialEntity, { credentialName: name });
    return row && toOpenCredentialInfo(row, this.secrets);
  }

  deleteCredential(name: string): Promise<boolean> {
    return deletePart(this.dataSource, 'credential', name);
  }

  async saveRegion(info: RegionInfoRecord): Promise<RegionInfoRecord> {
    await upsertPart(this.dataSource, 'region', info.RegionName, info.ProviderName, {
      key_value_info_list: JSON.stringify(info.KeyValueInfoList),
      available_zone_list: JSON.stringify(info.AvailableZoneList),
    });
    return info;
  }

  async listRegions(provider?: string): Promise<RegionInfoRecord[]> {
    return (await this.list(RegionEntity, provider)).map(toRegionInfo);
  }

  async findRegion(name: string): Promise<RegionInfoRecord | null> {
    const row = await this.one(RegionEntity, { regionName: name });
    return row && toRegionInfo(row);
  }

  deleteRegion(name: string): Promise<boolean> {
    return deletePart(this.dataSource, 'region', name);
  }

  /**
   * Unlike upstream, a config must name existing parts of its own provider (so no connection is born
   * broken); the share locks keep those parts from changing provider or vanishing until we commit.
   */
  async saveConnectionConfig(info: ConnectionConfigInfo): Promise<ConnectionConfigInfo> {
    const parts: [CimKind, string, string][] = [
      ['driver', info.DriverName, 'DriverName'],
      ['credential', info.CredentialName, 'CredentialName'],
      ['region', info.RegionName, 'RegionName'],
    ];
    await this.dataSource.transaction(async (em) => {
      for (const [kind, name, field] of parts) {
        const { table, key } = PART_TABLES[kind];
        const [row] = (await em.query(`SELECT provider_name FROM ${table} WHERE ${key} = $1 FOR SHARE`, [name])) as {
          provider_name: string;
        }[];
        if (!row) throw doesNotExist(name, field);
        if (row.provider_name !== info.ProviderName) {
          throw new InvalidArgumentError(
            `${field}: ${kind} '${name}' is of ${row.provider_name}, not ${info.ProviderName}`,
            { field },
          );
        }
      }
      await em.query(
        `INSERT INTO connection_config_infos (config_name, provider_name, driver_name, credential_name, region_name)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (config_name) DO UPDATE SET provider_name = EXCLUDED.provider_name,
           driver_name = EXCLUDED.driver_name, credential_name = EXCLUDED.credential_name,
           region_name = EXCLUDED.region_name, updated_at = now()`,
        [info.ConfigName, info.ProviderName, info.DriverName, info.CredentialName, info.RegionName],
      );
      await this.events.registered(em, info);
    });
    return info;
  }

  async listConnectionConfigs(provider?: string): Promise<ConnectionConfigInfo[]> {
    return (await this.list(ConnectionConfigEntity, provider)).map(toConnectionConfigInfo);
  }

  async findConnectionConfig(name: string): Promise<ConnectionConfigInfo | null> {
    const row = await this.one(ConnectionConfigEntity, { configName: name });
    return row && toConnectionConfigInfo(row);
  }

  deleteConnectionConfig(name: string): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      const [rows] = (await em.query('DELETE FROM connection_config_infos WHERE config_name = $1 RETURNING *', [
        name,
      ])) as [Record<string, string>[], number];
      const row = rows[0];
      if (!row) return false;
      await this.events.deleted(em, {
        ConfigName: row.config_name!,
        ProviderName: row.provider_name!,
        DriverName: row.driver_name!,
        CredentialName: row.credential_name!,
        RegionName: row.region_name!,
      });
      return true;
    });
  }

  countConnectionConfigs(provider?: string): Promise<number> {
    return this.dataSource.getRepository(ConnectionConfigEntity).countBy(provider ? { providerName: provider } : {});
  }
}
