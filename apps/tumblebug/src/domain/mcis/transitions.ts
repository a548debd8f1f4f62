import type { VmActionName } from './status';

const TRANSITIONAL: Record<string, VmActionName> = {
  Suspending: 'Suspend',
  Resuming: 'Resume',
  Rebooting: 'Reboot',
  Terminating: 'Terminate',
};

const SETTLES_IN: Partial<Record<VmActionName, string>> = { Suspend: 'Suspended', Resume: 'Running' };

/**
 * Why `action` may not be applied to a VM in `status`, or undefined when it may (upstream's
 * CheckAllowedTransition): nothing while Creating; during a transition only the same action; a
 * Terminated VM only takes terminate; a Suspended one resume or terminate; an action whose target is
 * the current state is refused, except reboot and terminate.
 */
export function refusedTransition(status: string, action: VmActionName): string | undefined {
  const refuse = `${action} is not allowed while the VM is ${status}`;
  if (status === 'Creating' || status === 'Preparing' || status === 'Prepared') return refuse;
  const inProgress = TRANSITIONAL[status];
  if (inProgress) return inProgress === action ? undefined : refuse;
  if (status === 'Terminated') return action === 'Terminate' ? undefined : refuse;
  if (status === 'Suspended' && action !== 'Resume' && action !== 'Terminate') return refuse;
  if (SETTLES_IN[action] === status) return `the VM is already ${status}`;
  return undefined;
}
