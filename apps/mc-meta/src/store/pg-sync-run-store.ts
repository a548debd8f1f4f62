import type { DataSource, EntityManager } from 'typeorm';
import type { CatalogKind, SourceConnection } from '../domain/source/metadata-source';
import type {
  MergeCounts,
  PendingTask,
  SyncCounts,
  SyncRunStore,
  SyncRunView,
  SyncStatus,
  SyncTaskView,
  SyncTrigger,
} from '../domain/sync/ports';

interface TaskRow {
  connection_name: string;
  kind: CatalogKind;
  status: SyncTaskView['status'];
  received: number;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  error: string | null;
  started_at: Date | null;
  finished_at: Date | null;
}

const zero = (): SyncCounts => ({ received: 0, added: 0, changed: 0, removed: 0, unchanged: 0 });

function addCounts(into: SyncCounts, from: SyncCounts): void {
  for (const key of Object.keys(into) as (keyof SyncCounts)[]) into[key] += from[key];
}

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : undefined);

/** Queues what a finished run announces (cb.mcmeta.sync.completed / failed) in the run's own transaction. */
export type RunAnnouncer = (manager: EntityManager, run: SyncRunView) => Promise<void>;

export class PgSyncRunStore implements SyncRunStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly announce?: RunAnnouncer,
  ) {}

  async saveConnections(connections: SourceConnection[]): Promise<void> {
    if (connections.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO connection (name, provider, region, zone)
       SELECT c->>'name', c->>'provider', c->>'region', c->>'zone' FROM jsonb_array_elements($1::jsonb) c
       ON CONFLICT (name) DO UPDATE SET provider = excluded.provider, region = excluded.region, zone = excluded.zone`,
      [JSON.stringify(connections)],
    );
  }

  async createRun(
    scope: { connectionName?: string; kinds: CatalogKind[]; trigger: SyncTrigger },
    connections: string[],
  ): Promise<string> {
    return this.dataSource.transaction(async (em) => {
      const [{ id }] = await em.query(
        `INSERT INTO sync_run (connection_name, kinds, trigger, status) VALUES ($1, $2, $3, 'running') RETURNING id`,
        [scope.connectionName ?? null, scope.kinds, scope.trigger],
      );
      await em.query(
        `INSERT INTO sync_task (run_id, connection_name, kind)
         SELECT $1, c, k FROM unnest($2::text[]) c CROSS JOIN unnest($3::text[]) k`,
        [id, connections, scope.kinds],
      );
      return id as string;
    });
  }

  async getRun(id: string, manager: EntityManager = this.dataSource.manager): Promise<SyncRunView | undefined> {
    const [run] = await manager.query(`SELECT * FROM sync_run WHERE id = $1`, [id]);
    if (!run) return undefined;
    const rows: TaskRow[] = await manager.query(
      `SELECT * FROM sync_task WHERE run_id = $1 ORDER BY connection_name, kind`,
      [id],
    );
    const counts = zero();
    const countsByKind: SyncRunView['countsByKind'] = {};
    const tasks = rows.map((row): SyncTaskView => {
      const taskCounts = {
        received: row.received,
        added: row.added,
        changed: row.changed,
        removed: row.removed,
        unchanged: row.unchanged,
      };
      addCounts(counts, taskCounts);
      addCounts((countsByKind[row.kind] ??= zero()), taskCounts);
      return {
        connectionName: row.connection_name,
        kind: row.kind,
        status: row.status,
        ...taskCounts,
        ...(row.error ? { error: row.error } : {}),
        startedAt: iso(row.started_at),
        finishedAt: iso(row.finished_at),
        durationMs:
          row.started_at && row.finished_at ? row.finished_at.getTime() - row.started_at.getTime() : undefined,
      };
    });
    return {
      id: run.id,
      status: run.status,
      connectionName: run.connection_name ?? undefined,
      kinds: run.kinds,
      trigger: run.trigger,
      ...(run.error ? { error: run.error } : {}),
      counts,
      countsByKind,
      timings: {
        createdAt: run.created_at.toISOString(),
        finishedAt: iso(run.finished_at),
        durationMs: run.finished_at ? run.finished_at.getTime() - run.created_at.getTime() : undefined,
      },
      tasks,
    };
  }

  async claimTask(runId: string): Promise<PendingTask | undefined> {
    // TypeORM answers an UPDATE ... RETURNING as [rows, affected].
    const [[row]] = await this.dataSource.query(
      `UPDATE sync_task SET status = 'running', attempts = attempts + 1, started_at = now(), error = NULL
       WHERE id = (SELECT id FROM sync_task WHERE run_id = $1 AND status = 'pending'
                   ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING id, connection_name, kind, attempts`,
      [runId],
    );
    return row
      ? { id: String(row.id), connectionName: row.connection_name, kind: row.kind, attempts: row.attempts }
      : undefined;
  }

  async progressTask(taskId: string, received: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE sync_task SET received = GREATEST(received, $2) WHERE id = $1 AND status = 'running'`,
      [taskId, received],
    );
  }

  async completeTask(taskId: string, counts: MergeCounts): Promise<void> {
    await this.dataSource.query(
      `UPDATE sync_task SET status = 'completed', received = $2, added = $3, changed = $4, removed = $5,
         unchanged = $2::int - $3::int - $4::int, finished_at = now() WHERE id = $1`,
      [taskId, counts.received, counts.added, counts.changed, counts.removed],
    );
  }

  async failTask(taskId: string, error: string, retry: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE sync_task SET status = $3, error = $2, finished_at = CASE WHEN $3::text = 'failed' THEN now() END
       WHERE id = $1`,
      [taskId, error.slice(0, 2000), retry ? 'pending' : 'failed'],
    );
  }

  async finishRun(runId: string): Promise<SyncStatus> {
    return this.dataSource.transaction(async (em) => {
      const status = await this.markFinished(em, runId);
      const run = await this.getRun(runId, em);
      if (run && this.announce) await this.announce(em, run);
      return status;
    });
  }

  private async markFinished(em: EntityManager, runId: string): Promise<SyncStatus> {
    const [[row]] = await em.query(
      `UPDATE sync_run r SET
         status = CASE WHEN EXISTS (SELECT 1 FROM sync_task t WHERE t.run_id = r.id AND t.status = 'failed')
                       THEN 'failed' ELSE 'completed' END,
         error = (SELECT string_agg(t.connection_name || '/' || t.kind || ': ' || t.error, '; ')
                  FROM sync_task t WHERE t.run_id = r.id AND t.status = 'failed'),
         finished_at = now()
       WHERE id = $1 RETURNING status`,
      [runId],
    );
    return row.status;
  }

  async reclaimUnfinishedRuns(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH runs AS (SELECT id FROM sync_run WHERE status = 'running'),
            reset AS (UPDATE sync_task SET status = 'pending' WHERE status = 'running' AND run_id IN (SELECT id FROM runs))
       SELECT id FROM runs`,
    );
    return rows.map((row) => row.id);
  }

  async markConnectionSynced(connectionName: string): Promise<void> {
    await this.dataSource.query(`UPDATE connection SET last_synced_at = now() WHERE name = $1`, [connectionName]);
  }
}
