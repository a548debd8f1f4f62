import type { DataSource } from 'typeorm';
import type { NamespaceContentCounter } from '../../domain/namespace/namespace';

/** What the MCIR tables hold in a namespace, per upstream kind. */
export class PgNamespaceContents implements NamespaceContentCounter {
  constructor(private readonly dataSource: DataSource) {}

  async count(nsId: string): Promise<Record<string, number>> {
    const rows: { kind: string; n: string }[] = await this.dataSource.query(
      `SELECT resource_type AS kind, count(*) AS n FROM resources WHERE ns_id = $1 GROUP BY resource_type
       UNION ALL SELECT 'spec', count(*) FROM specs WHERE ns_id = $1
       UNION ALL SELECT 'image', count(*) FROM images WHERE ns_id = $1`,
      [nsId],
    );
    return Object.fromEntries(rows.map((row) => [row.kind, Number(row.n)]));
  }
}
