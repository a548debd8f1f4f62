import { type CloudConnection, toAppError } from '@cb/driver-sdk';
import { InvalidArgumentError, TimeoutError } from '@cb/errors';
import type { CachedConnection } from '../cim/connection-cache';
import type { ResolvedConnection } from '../cim/connection-resolver';
import { connectOnce } from '../cim/shared-cloud-connection';
import type { CallHistoryRecorder } from './call-history-recorder';
import { KeyedConcurrencyLimit } from './concurrency-limit';

/** What a call is about, for the history (upstream's HisCall fields). */
export interface CallLabel {
  /** Upstream's RSType: vpc, subnet, sg, keypair, vm, disk, myimage, nlb, cluster, nodegroup, regionzone, ... */
  resourceType: string;
  resourceName?: string;
  /** The driver method, e.g. `startVM`. */
  operation: string;
}

export interface DriverCallGatewayOptions {
  maxConcurrentCallsPerConnection: number;
  timeoutMs: number;
  recorder: CallHistoryRecorder;
  now?: () => number;
}

/**
 * The only way spider talks to a driver. Every call waits for a slot of its own connection (so one slow
 * cloud never stalls another), runs under a deadline, is recorded in the call history, and fails with the
 * platform's errors (driver THROTTLED → 429, TRANSIENT → 503, deadline → 504).
 */
export class DriverCallGateway {
  private readonly limit: KeyedConcurrencyLimit;
  private readonly now: () => number;

  constructor(private readonly options: DriverCallGatewayOptions) {
    this.limit = new KeyedConcurrencyLimit(options.maxConcurrentCallsPerConnection);
    this.now = options.now ?? (() => performance.now());
  }

  async call<T>(
    target: ResolvedConnection,
    label: CallLabel,
    work: (cloud: CloudConnection) => Promise<T>,
  ): Promise<T> {
    const connectionName = target.config.ConfigName;
    const startedAt = new Date();
    const start = this.now();
    const deadline = new AbortController();
    const timer = setTimeout(
      () =>
        deadline.abort(
          new TimeoutError(
            `${label.operation} on connection '${connectionName}' did not answer within ${this.options.timeoutMs} ms`,
          ),
        ),
      this.options.timeoutMs,
    );
    let release: (() => void) | undefined;
    try {
      release = await this.limit.acquire(connectionName, deadline.signal);
      const result = await untilAborted(this.run(target, work), deadline.signal);
      this.record(target, label, startedAt, start, 'ok', '');
      return result;
    } catch (error) {
      const appError = toAppError(error);
      this.record(target, label, startedAt, start, appError.code, appError.message);
      throw appError;
    } finally {
      clearTimeout(timer);
      release?.();
    }
  }

  /** Calls in flight and queued for a connection. */
  usage(connectionName: string) {
    return this.limit.usage(connectionName);
  }

  /** On the connection's shared live connection when the resolver keeps one, else on a connection of its own. */
  private run<T>(target: CachedConnection, work: (cloud: CloudConnection) => Promise<T>): Promise<T> {
    return target.cloud ? target.cloud.use(work) : connectOnce(target.driver, target.connectionInfo, work);
  }

  private record(
    target: ResolvedConnection,
    label: CallLabel,
    at: Date,
    start: number,
    outcome: string,
    errorMessage: string,
  ): void {
    this.options.recorder.record({
      at,
      connectionName: target.config.ConfigName,
      providerName: target.config.ProviderName || target.driverInfo.ProviderName,
      resourceType: label.resourceType,
      resourceName: label.resourceName ?? '',
      operation: label.operation,
      durationMs: this.now() - start,
      outcome,
      errorMessage,
    });
  }
}

/** Resolves or rejects with the work, unless the signal aborts first (the work is then abandoned). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** A handler the driver does not offer is the caller's problem (upstream answers "not supported"). */
export function required<H>(handler: H | undefined, what: string, provider: string): H {
  if (!handler) throw new InvalidArgumentError(`${provider} driver does not support ${what}`, { unsupported: true });
  return handler;
}
