import type { CatalogKind, SourceConnection } from '../source/metadata-source';

export interface MergeCounts {
  received: number;
  added: number;
  changed: number;
  removed: number;
}

/** Applies one connection's full listing of one kind to the catalog, atomically. */
export interface CatalogWriter {
  write(
    taskId: string,
    connection: SourceConnection,
    kind: CatalogKind,
    records: AsyncIterable<unknown>,
    onStaged?: (received: number) => void,
  ): Promise<MergeCounts>;
  /** Before a run's tasks: a first load into an empty catalog may defer what a bulk load builds faster at the end. */
  beginRun(): Promise<void>;
  /** After a run's tasks: build what beginRun deferred, refresh the planner's statistics (a large load leaves them stale). */
  endRun(): Promise<void>;
}

export type SyncStatus = 'running' | 'completed' | 'failed';
export type SyncTrigger = 'request' | 'schedule' | 'connection-registered' | 'resume';

export interface SyncCounts extends MergeCounts {
  unchanged: number;
}

export interface SyncTaskView extends SyncCounts {
  connectionName: string;
  kind: CatalogKind;
  status: 'pending' | 'running' | 'completed' | 'failed';
  error?: string;
  startedAt?: string;
  finishedAt?: string;
  durationMs?: number;
}

export interface SyncRunView {
  id: string;
  status: SyncStatus;
  connectionName?: string;
  kinds: CatalogKind[];
  trigger: SyncTrigger;
  error?: string;
  counts: SyncCounts;
  /** Per kind, summed over connections. */
  countsByKind: Partial<Record<CatalogKind, SyncCounts>>;
  timings: { createdAt: string; finishedAt?: string; durationMs?: number };
  tasks: SyncTaskView[];
}

export interface PendingTask {
  id: string;
  connectionName: string;
  kind: CatalogKind;
  attempts: number;
}

/** The persisted state machine of syncs: a run of tasks (connection × kind), each pending → running → done. */
export interface SyncRunStore {
  saveConnections(connections: SourceConnection[]): Promise<void>;
  createRun(
    scope: { connectionName?: string; kinds: CatalogKind[]; trigger: SyncTrigger },
    connections: string[],
  ): Promise<string>;
  getRun(id: string): Promise<SyncRunView | undefined>;
  /** Takes the next pending task of a run, marking it running. */
  claimTask(runId: string): Promise<PendingTask | undefined>;
  completeTask(taskId: string, counts: MergeCounts): Promise<void>;
  progressTask(taskId: string, received: number): Promise<void>;
  /** Back to pending for another attempt, or failed for good. */
  failTask(taskId: string, error: string, retry: boolean): Promise<void>;
  /** Sets the run's final status from its tasks; answers it. */
  finishRun(runId: string): Promise<SyncStatus>;
  /** Runs left running by a process that died; their running tasks go back to pending. */
  reclaimUnfinishedRuns(): Promise<string[]>;
  markConnectionSynced(connectionName: string): Promise<void>;
}

/** Told when a run ends, to publish cb.mcmeta.sync.completed / failed and refresh statistics. */
export type SyncFinishedListener = (run: SyncRunView) => Promise<void> | void;
