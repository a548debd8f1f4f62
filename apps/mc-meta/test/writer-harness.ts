import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createMcMetaDataSource } from '../src/store/data-source';
import { startHarness, type Harness } from './harness';

/** A migrated catalog database for tests of PgCatalogWriter: its data source and a plain client to read it with. */
export interface WriterHarness {
  ds: DataSource;
  sql: Client;
  close(): Promise<void>;
}

export async function startWriterHarness(): Promise<WriterHarness> {
  const harness: Harness = await startHarness([]);
  const ds = createMcMetaDataSource(harness.db.url, [], 2);
  await ds.initialize();
  const sql = new Client(harness.db.url);
  await sql.connect();
  return {
    ds,
    sql,
    close: async () => {
      await sql.end();
      await ds.destroy();
      await harness.close();
    },
  };
}

/** An image as a listing carries it: `id` as both its ids. */
export const listedImage = (id: string, name: string) => ({
  IId: { NameId: id, SystemId: id },
  Name: name,
  OSDistribution: 'Ubuntu 22.04',
  OSArchitecture: 'x86_64',
  OSPlatform: 'Linux/UNIX',
  ImageStatus: 'Available',
});
