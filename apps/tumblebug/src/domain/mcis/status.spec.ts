import { aggregateStatus, correctedStatus, countStatuses, mcisStatusOf } from './status';
import { refusedTransition } from './transitions';

describe('aggregate MCIS status', () => {
  it('reports Running:3 (R:3/3) when every VM runs', () => {
    expect(mcisStatusOf(['Running', 'Running', 'Running'])).toBe('Running:3 (R:3/3)');
  });

  it('reports Partial-Running when one of three VMs is suspended', () => {
    expect(mcisStatusOf(['Running', 'Suspended', 'Running'])).toBe('Partial-Running:2 (R:2/3)');
  });

  it('breaks a tie in upstream order (Failed before Suspended before Running)', () => {
    expect(mcisStatusOf(['Running', 'Failed'])).toBe('Partial-Failed:1 (R:1/2)');
    expect(mcisStatusOf(['Running', 'Suspended'])).toBe('Partial-Suspended:1 (R:1/2)');
  });

  it('counts unknown statuses as Undefined and shows Empty without VMs', () => {
    expect(countStatuses(['Running', 'Weird']).countUndefined).toBe(1);
    expect(aggregateStatus(countStatuses([]))).toBe('Empty');
    expect(mcisStatusOf(['Terminated', 'Terminated', 'Terminated'])).toBe('Terminated:3 (R:0/3)');
    expect(mcisStatusOf(['Creating', 'Creating'])).toBe('Creating:2 (R:0/2)');
  });
});

describe('status corrections by target action', () => {
  it('keeps a creating VM Creating when spider does not know it yet', () => {
    expect(correctedStatus('NotExist', 'Creating', 'Create')).toBe('Creating');
  });
  it('promotes a VM gone from spider during terminate to Terminated', () => {
    expect(correctedStatus('NotExist', 'Terminating', 'Terminate')).toBe('Terminated');
    expect(correctedStatus('Running', 'Terminating', 'Terminate')).toBe('Terminating');
  });
  it('shows Suspending while spider still reports Running after a suspend', () => {
    expect(correctedStatus('Running', 'Running', 'Suspend')).toBe('Suspending');
    expect(correctedStatus('Suspended', 'Suspending', 'Suspend')).toBe('Suspended');
  });
  it('never revives a Terminated VM', () => {
    expect(correctedStatus('Running', 'Terminated', 'None')).toBe('Terminated');
  });
});

describe('allowed transitions', () => {
  it('refuses everything while Creating', () => {
    expect(refusedTransition('Creating', 'Suspend')).toBeDefined();
  });
  it('lets a suspended VM resume or terminate only', () => {
    expect(refusedTransition('Suspended', 'Resume')).toBeUndefined();
    expect(refusedTransition('Suspended', 'Terminate')).toBeUndefined();
    expect(refusedTransition('Suspended', 'Reboot')).toBeDefined();
  });
  it('refuses resuming a running VM but allows rebooting it', () => {
    expect(refusedTransition('Running', 'Resume')).toBeDefined();
    expect(refusedTransition('Running', 'Reboot')).toBeUndefined();
  });
  it('accepts only the same action during a transition', () => {
    expect(refusedTransition('Suspending', 'Suspend')).toBeUndefined();
    expect(refusedTransition('Suspending', 'Resume')).toBeDefined();
  });
});
