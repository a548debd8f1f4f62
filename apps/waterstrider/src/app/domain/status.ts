/** The colour family of a status string such as "Partial-Running:2 (R:2/3)" or "Suspended". */
export type StatusTone = 'failed' | 'partial' | 'running' | 'suspended' | 'busy' | 'terminated' | 'unknown';

const BUSY = ['Creating', 'Preparing', 'Prepared', 'Suspending', 'Resuming', 'Rebooting', 'Terminating', 'Registering'];

/** Same precedence as upstream's MapUI: the keyword tokens matter, not the numbers. */
export function statusTone(status: string | undefined): StatusTone {
  const text = status ?? '';
  if (text.includes('Failed')) return 'failed';
  if (text.includes('Partial')) return 'partial';
  if (BUSY.some((word) => text.includes(word))) return 'busy';
  if (text.includes('Running')) return 'running';
  if (text.includes('Suspended')) return 'suspended';
  if (text.includes('Terminated')) return 'terminated';
  return 'unknown';
}

/** "Partial-Running:2 (R:2/3)" → "Partial-Running"; a plain VM status stays as it is. */
export function statusWord(status: string | undefined): string {
  return (status ?? 'Unknown').split(':')[0]!.trim() || 'Unknown';
}

export const TONE_COLOURS: Record<StatusTone, string> = {
  failed: '#c62828',
  partial: '#ef6c00',
  running: '#2e7d32',
  suspended: '#6a1b9a',
  busy: '#1565c0',
  terminated: '#616161',
  unknown: '#9e9e9e',
};

export function countBy<T>(items: T[], key: (item: T) => string): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
