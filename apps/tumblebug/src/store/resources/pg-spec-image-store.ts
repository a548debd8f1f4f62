import type { DataSource } from 'typeorm';
import type { CatalogRecord, SpecImageStore } from '../../domain/resources/resource-store';
import { ImageEntity, SpecEntity } from './catalog.entity';

const CHUNK = 500;
const num = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;

function toSpecRow(record: CatalogRecord): SpecEntity {
  const info = record.info;
  return {
    nsId: record.nsId,
    id: record.id,
    connectionName: record.connectionName,
    providerName: record.providerName,
    regionName: record.regionName,
    cspSpecName: record.cspName,
    vCpu: num(info.vCPU, 0),
    memoryGib: num(info.memoryGiB, 0),
    diskSizeGb: num(info.diskSizeGB, -1),
    costPerHour: num(info.costPerHour, -1),
    acceleratorCount: num(info.acceleratorCount, 0),
    acceleratorMemoryGb: num(info.acceleratorMemoryGB, 0),
    evaluationScore01: num(info.evaluationScore01, 0),
    regionLatitude: typeof info.regionLatitude === 'number' ? info.regionLatitude : null,
    regionLongitude: typeof info.regionLongitude === 'number' ? info.regionLongitude : null,
    info,
  };
}

function toImageRow(record: CatalogRecord): ImageEntity {
  const { cspName, ...rest } = record;
  return { ...rest, cspImageName: cspName };
}

const fromSpecRow = (row: SpecEntity): CatalogRecord => ({ ...row, cspName: row.cspSpecName });
const fromImageRow = (row: ImageEntity): CatalogRecord => ({ ...row, cspName: row.cspImageName });

/** Specs and images: bulk upserts (a fetch writes thousands) and lookups by namespace and id. */
export class PgSpecImageStore implements SpecImageStore {
  constructor(private readonly dataSource: DataSource) {}

  async upsert(kind: 'spec' | 'image', records: CatalogRecord[]): Promise<void> {
    for (let i = 0; i < records.length; i += CHUNK) {
      const chunk = records.slice(i, i + CHUNK);
      if (kind === 'spec')
        await this.dataSource.getRepository(SpecEntity).upsert(chunk.map(toSpecRow) as never[], ['nsId', 'id']);
      else await this.dataSource.getRepository(ImageEntity).upsert(chunk.map(toImageRow) as never[], ['nsId', 'id']);
    }
  }

  async find(kind: 'spec' | 'image', nsId: string, id: string): Promise<CatalogRecord | undefined> {
    if (kind === 'spec') {
      const row = await this.dataSource.getRepository(SpecEntity).findOneBy({ nsId, id });
      return row ? fromSpecRow(row) : undefined;
    }
    const row = await this.dataSource.getRepository(ImageEntity).findOneBy({ nsId, id });
    return row ? fromImageRow(row) : undefined;
  }

  async list(kind: 'spec' | 'image', nsId: string): Promise<CatalogRecord[]> {
    if (kind === 'spec') {
      return (await this.dataSource.getRepository(SpecEntity).find({ where: { nsId }, order: { id: 'ASC' } })).map(
        fromSpecRow,
      );
    }
    return (await this.dataSource.getRepository(ImageEntity).find({ where: { nsId }, order: { id: 'ASC' } })).map(
      fromImageRow,
    );
  }

  async remove(kind: 'spec' | 'image', nsId: string, id: string): Promise<boolean> {
    const entity = kind === 'spec' ? SpecEntity : ImageEntity;
    return ((await this.dataSource.getRepository(entity).delete({ nsId, id })).affected ?? 0) > 0;
  }
}
