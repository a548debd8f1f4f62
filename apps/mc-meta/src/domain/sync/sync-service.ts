import { InvalidArgumentError, NotFoundError } from '@cb/errors';
import { CATALOG_KINDS, type CatalogKind, type MetadataSource } from '../source/metadata-source';
import type { CatalogWriter, SyncFinishedListener, SyncRunStore, SyncRunView, SyncTrigger } from './ports';
import { ConcurrencyLimiter } from '../concurrency-limiter';

export interface SyncRequest {
  /** One connection, or every connection spider knows when absent. */
  connectionName?: string;
  /** Kinds to sync; all when absent. */
  kinds?: CatalogKind[];
}

export interface SyncServiceOptions {
  /** Tasks (connection × kind) in flight at once over all runs. */
  concurrency: number;
  /** Attempts per task before the run reports it failed. */
  maxAttempts?: number;
  onFinished?: SyncFinishedListener;
  onError?: (error: unknown, context: object) => void;
}

/**
 * Accepts syncs at once and carries them in the background: a run persists its tasks, workers claim them one
 * by one, and a restarted process picks up runs left unfinished (resume()). Each task streams one listing
 * from the source into the catalog writer, so memory stays flat whatever the catalog size.
 */
export class SyncService {
  private readonly limiter: ConcurrencyLimiter;
  private readonly inFlight = new Set<Promise<void>>();
  private stopping = false;

  constructor(
    private readonly source: MetadataSource,
    private readonly runs: SyncRunStore,
    private readonly writer: CatalogWriter,
    private readonly options: SyncServiceOptions,
  ) {
    this.limiter = new ConcurrencyLimiter(options.concurrency);
  }

  async start(request: SyncRequest, trigger: SyncTrigger): Promise<{ id: string }> {
    const kinds = request.kinds?.length ? [...new Set(request.kinds)] : [...CATALOG_KINDS];
    const unknown = kinds.filter((kind) => !(CATALOG_KINDS as readonly string[]).includes(kind));
    if (unknown.length) {
      throw new InvalidArgumentError(`kinds: unknown kind '${unknown[0]}' (one of ${CATALOG_KINDS.join(', ')})`, {
        field: 'kinds',
      });
    }
    const connections = await this.source.listConnections();
    const chosen = request.connectionName ? connections.filter((c) => c.name === request.connectionName) : connections;
    if (request.connectionName && chosen.length === 0) {
      throw new NotFoundError(`connectionName: connection '${request.connectionName}' is not registered in spider`, {
        field: 'connectionName',
      });
    }
    await this.runs.saveConnections(chosen);
    const id = await this.runs.createRun(
      { connectionName: request.connectionName, kinds, trigger },
      chosen.map((c) => c.name),
    );
    this.execute(id);
    return { id };
  }

  async get(id: string): Promise<SyncRunView> {
    const run = /^[0-9a-f-]{36}$/i.test(id) ? await this.runs.getRun(id) : undefined;
    if (!run) throw new NotFoundError(`sync '${id}' does not exist`, { field: 'id' });
    return run;
  }

  /** Continues the runs a previous process left running. */
  async resume(): Promise<string[]> {
    const ids = await this.runs.reclaimUnfinishedRuns();
    for (const id of ids) this.execute(id);
    return ids;
  }

  /** Resolves when every run in flight has finished (used by stop() and by tests). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Stops claiming tasks; tasks in flight finish (their merge is atomic), the rest resume on the next start. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.idle();
  }

  private execute(runId: string): void {
    const done = this.runToEnd(runId)
      .catch((error) => this.options.onError?.(error, { runId }))
      .finally(() => this.inFlight.delete(done));
    this.inFlight.add(done);
  }

  private async runToEnd(runId: string): Promise<void> {
    const connections = new Map((await this.source.listConnections()).map((c) => [c.name, c]));
    await this.writer.beginRun();
    const workers = Array.from({ length: this.options.concurrency }, async () => {
      while (!this.stopping) {
        const claimed = await this.limiter.run(async () => {
          const task = await this.runs.claimTask(runId);
          if (!task) return false;
          const connection = connections.get(task.connectionName);
          try {
            if (!connection) throw new NotFoundError(`connection '${task.connectionName}' is no longer in spider`);
            const records = this.source[task.kind](connection);
            const counts = await this.writer.write(task.id, connection, task.kind, records, (received) => {
              void this.runs.progressTask(task.id, received).catch(() => undefined);
            });
            await this.runs.completeTask(task.id, counts);
            await this.runs.markConnectionSynced(connection.name);
          } catch (error) {
            const retry = connection !== undefined && task.attempts < (this.options.maxAttempts ?? 3);
            await this.runs.failTask(task.id, error instanceof Error ? error.message : String(error), retry);
          }
          return true;
        });
        if (!claimed) return;
      }
    });
    await Promise.all(workers);
    if (this.stopping) return;
    await this.writer.endRun();
    await this.runs.finishRun(runId);
    const run = await this.runs.getRun(runId);
    if (run) await this.options.onFinished?.(run);
  }
}
