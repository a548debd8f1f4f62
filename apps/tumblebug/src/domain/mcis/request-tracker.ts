/**
 * Upstream's X-Request-Id tracking (GET /request/{reqId}, /requests) for the long calls: an MCIS creation
 * (static or dynamic) answers at once and carries on in the background; its entry
 * stays Handling until the creation has ended by its policy (Success, or Error when rolled back). Kept in
 * memory as upstream, 1 h and at most 1,000 entries; a creation resumed after a restart gets a fresh entry
 * under its original id (the id is stored with the MCIS).
 */
export interface RequestDetails {
  startTime: string;
  endTime?: string;
  status: 'Handling' | 'Success' | 'Error';
  requestInfo: { method: string; url: string };
  responseData?: unknown;
  errorResponse?: string;
}

const TTL_MS = 60 * 60_000;
const MAX = 1000;

export class RequestTracker {
  private readonly entries = new Map<string, RequestDetails & { at: number }>();

  begin(id: string, method: string, url: string) {
    if (!id) return;
    this.entries.set(id, {
      startTime: new Date().toISOString(),
      status: 'Handling',
      requestInfo: { method, url },
      at: Date.now(),
    });
    this.prune();
  }

  finish(id: string, outcome: { ok: boolean; response?: unknown; error?: string }) {
    const entry = this.entries.get(id);
    if (!entry) return;
    Object.assign(entry, {
      endTime: new Date().toISOString(),
      status: outcome.ok ? 'Success' : 'Error',
      responseData: outcome.response,
      errorResponse: outcome.error,
    });
  }

  get(id: string): RequestDetails | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    const { at: _at, ...details } = entry;
    return details;
  }

  list(filter: { status?: string; method?: string; url?: string } = {}) {
    return [...this.entries.entries()]
      .filter(
        ([, e]) =>
          (!filter.status || e.status === filter.status) &&
          (!filter.method || e.requestInfo.method === filter.method) &&
          (!filter.url || e.requestInfo.url.includes(filter.url)),
      )
      .map(([id]) => ({ id, details: this.get(id)! }));
  }

  delete(id: string) {
    return this.entries.delete(id);
  }

  clear() {
    this.entries.clear();
  }

  private prune() {
    const cutoff = Date.now() - TTL_MS;
    for (const [id, entry] of this.entries) if (entry.at < cutoff || this.entries.size > MAX) this.entries.delete(id);
  }
}
