import type { DriverCapabilityInfo } from '../capabilities';
import type { CloudConnection } from '../driver';
import { isDriverError, type DriverErrorKind } from '../driver-error';
import type { IID, VMStatus } from '../resources';

export interface FaultConnections {
  /** A connection whose driver answers THROTTLED once a burst of calls is spent. */
  throttled?: () => Promise<CloudConnection>;
  /** A connection failing a fraction of calls with TRANSIENT. */
  failing?: () => Promise<CloudConnection>;
  /** A connection whose VMs stay Creating for a while before Running. */
  slowBoot?: () => Promise<CloudConnection>;
  /** A connection whose VMs never leave Creating. */
  stuckBoot?: () => Promise<CloudConnection>;
  /** A connection answering every call only after `latencyMs` of the driver's time (`now`). */
  slow?: { open: () => Promise<CloudConnection>; latencyMs: number };
}

export interface ConformanceOptions {
  /** What the driver declares; decides which cases run (read synchronously, when jest collects tests). */
  capabilities: DriverCapabilityInfo;
  /** Prefix of every resource name the suite creates, so runs do not collide. */
  namePrefix?: string;
  /** How long a VM may take to reach Running, in the driver's time. */
  vmRunningTimeoutMs?: number;
  pollIntervalMs?: number;
  /** Waits between polls; pass a fake clock's sleep to keep the suite instant and deterministic. */
  sleep?: (ms: number) => Promise<void>;
  /** The driver's clock in ms (a fake clock's `now` with its `sleep`); measures injected latency. */
  now?: () => number;
  /** Image and spec used for VMs; default: the first of each list. */
  imageName?: string;
  specName?: string;
  /** Addressing for the VPC the suite creates. */
  vpcCidr?: string;
  subnetCidrs?: [string, string];
  faults?: FaultConnections;
}

export type ResolvedOptions = Required<Omit<ConformanceOptions, 'imageName' | 'specName' | 'faults'>> &
  Pick<ConformanceOptions, 'imageName' | 'specName' | 'faults'>;

export function resolveOptions(options: ConformanceOptions): ResolvedOptions {
  return {
    namePrefix: 'conf',
    vmRunningTimeoutMs: 600_000,
    pollIntervalMs: 1_000,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => performance.now(),
    vpcCidr: '10.100.0.0/16',
    subnetCidrs: ['10.100.1.0/24', '10.100.2.0/24'],
    ...options,
  };
}

/** The connection under test, opened in beforeAll; one per top-level describe. */
export class SuiteContext {
  private current?: CloudConnection;

  constructor(
    readonly options: ResolvedOptions,
    private readonly open: () => Promise<CloudConnection>,
  ) {}

  /** The same options over another connection (fault-injection cases open their own). */
  withConnection(connection: CloudConnection): SuiteContext {
    const other = new SuiteContext(this.options, async () => connection);
    other.current = connection;
    return other;
  }

  async connect(): Promise<void> {
    this.current = await this.open();
  }

  async close(): Promise<void> {
    await this.current?.close();
  }

  get connection(): CloudConnection {
    if (!this.current) throw new Error('conformance: the connection was not opened');
    return this.current;
  }

  name(kind: string): string {
    return `${this.options.namePrefix}-${kind}`;
  }

  iid(kind: string): IID {
    return { NameId: this.name(kind), SystemId: '' };
  }
}

export function required<T>(handler: T | undefined, what: string): T {
  if (handler === undefined) throw new Error(`the driver declares ${what} but its connection has no handler`);
  return handler;
}

/** Asserts a call fails with a DriverError of the given kind and returns it. */
export async function expectDriverError(call: Promise<unknown>, kind: DriverErrorKind): Promise<Error> {
  let caught: unknown;
  try {
    await call;
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeDefined();
  expect(isDriverError(caught) ? caught.kind : `not a DriverError: ${String(caught)}`).toBe(kind);
  return caught as Error;
}

/** Polls until the VM shows the status, within a bounded number of polls (counted, not timed). */
export async function waitForVMStatus(
  ctx: SuiteContext,
  vmIID: IID,
  wanted: VMStatus,
  seen: VMStatus[] = [],
): Promise<VMStatus[]> {
  const vm = ctx.connection.vm()!;
  const polls = Math.ceil(ctx.options.vmRunningTimeoutMs / ctx.options.pollIntervalMs);
  for (let i = 0; i <= polls; i++) {
    const status = await vm.getVMStatus(vmIID);
    if (seen[seen.length - 1] !== status) seen.push(status);
    if (status === wanted) return seen;
    await ctx.options.sleep(ctx.options.pollIntervalMs);
  }
  throw new Error(`VM ${vmIID.NameId} did not reach ${wanted} (seen: ${seen.join(' -> ')})`);
}

/** The first item of a (possibly huge) stream, without reading the rest. */
export async function firstOf<T>(items: AsyncIterable<T>): Promise<T | undefined> {
  for await (const item of items) return item;
  return undefined;
}

export async function takeAll<T>(items: AsyncIterable<T>, limit = 100_000): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) {
    out.push(item);
    if (out.length >= limit) break;
  }
  return out;
}
