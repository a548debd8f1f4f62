import { isForeignKeyViolation } from '@cb/db';
import type { DataSource, EntityManager } from 'typeorm';
import { providerChangeInUse, stillInUse, type CimKind } from '../../domain/cim/cim-errors';

/** Where each part a connection config uses lives. */
export const PART_TABLES: Record<CimKind, { table: string; key: string }> = {
  driver: { table: 'cloud_driver_infos', key: 'driver_name' },
  credential: { table: 'credential_infos', key: 'credential_name' },
  region: { table: 'region_infos', key: 'region_name' },
};

/** Names of the connection configs using a part, for the conflict message. */
export async function configsUsing(em: EntityManager, kind: CimKind, name: string): Promise<string[]> {
  const rows: { config_name: string }[] = await em.query(
    `SELECT config_name FROM connection_config_infos WHERE ${PART_TABLES[kind].key} = $1 ORDER BY config_name`,
    [name],
  );
  return rows.map((row) => row.config_name);
}

/**
 * Upstream's register is an upsert; ours refuses only the one overwrite that would break a connection:
 * changing the provider of a part that configs use. The row lock serialises it with config writes,
 * which take a share lock on the parts they name.
 */
export async function upsertPart(
  dataSource: DataSource,
  kind: CimKind,
  name: string,
  provider: string,
  columns: Record<string, unknown>,
): Promise<void> {
  const { table, key } = PART_TABLES[kind];
  await dataSource.transaction(async (em) => {
    const [existing] = (await em.query(`SELECT provider_name FROM ${table} WHERE ${key} = $1 FOR UPDATE`, [name])) as {
      provider_name: string;
    }[];
    if (existing && existing.provider_name !== provider) {
      const usedBy = await configsUsing(em, kind, name);
      if (usedBy.length) throw providerChangeInUse(kind, name, existing.provider_name, provider, usedBy);
    }
    const names = [key, 'provider_name', ...Object.keys(columns)];
    const values = [name, provider, ...Object.values(columns)];
    const placeholders = values.map((_, i) => `$${i + 1}`).join(', ');
    const updates = names
      .slice(1)
      .map((column) => `${column} = EXCLUDED.${column}`)
      .join(', ');
    await em.query(
      `INSERT INTO ${table} (${names.join(', ')}) VALUES (${placeholders})
       ON CONFLICT (${key}) DO UPDATE SET ${updates}, updated_at = now()`,
      values,
    );
  });
}

/** Deletes a part unless a config uses it; the foreign key settles a race with a config being saved. */
export async function deletePart(dataSource: DataSource, kind: CimKind, name: string): Promise<boolean> {
  const { table, key } = PART_TABLES[kind];
  try {
    return await dataSource.transaction(async (em) => {
      const usedBy = await configsUsing(em, kind, name);
      if (usedBy.length) throw stillInUse(kind, name, usedBy);
      const [, affected] = (await em.query(`DELETE FROM ${table} WHERE ${key} = $1`, [name])) as [unknown, number];
      return affected > 0;
    });
  } catch (error) {
    if (!isForeignKeyViolation(error)) throw error;
    throw stillInUse(kind, name, await configsUsing(dataSource.manager, kind, name));
  }
}
