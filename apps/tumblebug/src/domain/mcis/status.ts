/**
 * The status vocabulary of upstream's model package and the aggregate MCIS status string
 * ("Running:3 (R:3/3)", "Partial-Running:2 (R:2/3)"). Lives here and only here.
 */
export const VM_STATUSES = [
  'Preparing',
  'Prepared',
  'Creating',
  'Running',
  'Suspending',
  'Suspended',
  'Resuming',
  'Rebooting',
  'Terminating',
  'Terminated',
  'Failed',
  'Registering',
  'Undefined',
] as const;
export type VmStatus = (typeof VM_STATUSES)[number];

export const VM_ACTIONS = ['Create', 'Suspend', 'Resume', 'Reboot', 'Terminate', 'Refine'] as const;
export type VmActionName = (typeof VM_ACTIONS)[number];

/** Upstream's StatusComplete / ActionComplete: the target was reached. */
export const NONE = 'None';

/** The status a VM settles in after an action. */
export const TARGET_STATUS_OF: Record<VmActionName, VmStatus | typeof NONE> = {
  Create: 'Running',
  Suspend: 'Suspended',
  Resume: 'Running',
  Reboot: 'Running',
  Terminate: 'Terminated',
  Refine: NONE,
};

/** Upstream's counting order; on a tie for the most frequent status the earlier one wins. */
const COUNT_ORDER: VmStatus[] = [
  'Failed',
  'Suspended',
  'Running',
  'Terminated',
  'Creating',
  'Suspending',
  'Resuming',
  'Rebooting',
  'Terminating',
  'Registering',
  'Undefined',
];

export interface StatusCount {
  countTotal: number;
  countCreating: number;
  countRunning: number;
  countFailed: number;
  countSuspended: number;
  countRebooting: number;
  countTerminated: number;
  countSuspending: number;
  countResuming: number;
  countTerminating: number;
  countRegistering: number;
  countUndefined: number;
}

export function countStatuses(statuses: readonly string[]): StatusCount {
  const n = (status: VmStatus) => statuses.filter((s) => s === status).length;
  const counted = {
    countCreating: n('Creating') + n('Preparing') + n('Prepared'),
    countRunning: n('Running'),
    countFailed: n('Failed'),
    countSuspended: n('Suspended'),
    countRebooting: n('Rebooting'),
    countTerminated: n('Terminated'),
    countSuspending: n('Suspending'),
    countResuming: n('Resuming'),
    countTerminating: n('Terminating'),
    countRegistering: n('Registering'),
  };
  const known = Object.values(counted).reduce((a, b) => a + b, 0);
  return { countTotal: statuses.length, ...counted, countUndefined: statuses.length - known };
}

const COUNT_KEY: Record<string, keyof StatusCount> = {
  Failed: 'countFailed',
  Suspended: 'countSuspended',
  Running: 'countRunning',
  Terminated: 'countTerminated',
  Creating: 'countCreating',
  Suspending: 'countSuspending',
  Resuming: 'countResuming',
  Rebooting: 'countRebooting',
  Terminating: 'countTerminating',
  Registering: 'countRegistering',
  Undefined: 'countUndefined',
};

/**
 * `<dominant>:<count> (R:<running>/<total>)`, prefixed `Partial-` when the dominant status is not every
 * VM's (upstream's GetMciStatus). An MCIS without VMs shows `emptyStatus` (Preparing while it is being
 * built, else Empty).
 */
export function aggregateStatus(count: StatusCount, emptyStatus = 'Empty'): string {
  if (count.countTotal === 0) return emptyStatus;
  let dominant: VmStatus = COUNT_ORDER[0];
  let max = -1;
  for (const status of COUNT_ORDER) {
    const value = count[COUNT_KEY[status]];
    if (value > max) {
      max = value;
      dominant = status;
    }
  }
  const text = `${dominant}:${max} (R:${count.countRunning}/${count.countTotal})`;
  return max < count.countTotal ? `Partial-${text}` : text;
}

export function mcisStatusOf(statuses: readonly string[], emptyStatus?: string): string {
  return aggregateStatus(countStatuses(statuses), emptyStatus);
}

/**
 * An MCIS's status and counts as its VM rows show them. GETs answer this rather than the stored status,
 * which is what was last announced and follows a VM's change only once the MCIS is settled: a VM seen
 * Suspended is never shown inside an MCIS still Running.
 */
export function mcisStatusNow(targetAction: string, vmStatuses: readonly string[]) {
  const statusCount = countStatuses(vmStatuses);
  return { status: aggregateStatus(statusCount, targetAction === 'Create' ? 'Preparing' : 'Empty'), statusCount };
}

/** Statuses spider reports that tumblebug keeps as they are; anything else becomes Undefined. */
const KNOWN_NATIVE = new Set([
  'Creating',
  'Running',
  'Suspending',
  'Suspended',
  'Resuming',
  'Rebooting',
  'Terminating',
  'Terminated',
]);

/**
 * The VM status tumblebug shows for what spider reported, corrected by the action in progress to cover
 * cloud and driver quirks (upstream's targetAction-based corrections).
 */
export function correctedStatus(native: string, current: string, targetAction: string): VmStatus {
  if (current === 'Terminated') return 'Terminated';
  let status: VmStatus = KNOWN_NATIVE.has(native) ? (native as VmStatus) : 'Undefined';
  switch (targetAction) {
    case 'Create':
      if (current === 'Failed') return 'Failed';
      if (status === 'Undefined') status = 'Creating';
      break;
    case 'Terminate':
      status = status === 'Undefined' ? 'Terminated' : status === 'Terminated' ? status : 'Terminating';
      break;
    case 'Resume':
      if (status === 'Undefined' || status === 'Creating' || status === 'Suspended') status = 'Resuming';
      break;
    case 'Suspend':
      if (status === 'Undefined' || status === 'Running' || status === 'Resuming') status = 'Suspending';
      break;
    case 'Reboot':
      if (['Undefined', 'Suspending', 'Suspended', 'Creating', 'Resuming'].includes(status)) status = 'Rebooting';
      break;
  }
  return status;
}
