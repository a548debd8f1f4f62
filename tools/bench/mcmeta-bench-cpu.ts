import { readFileSync } from 'node:fs';
import { Client } from 'pg';

/** CPU seconds (user + system) a process has used so far, from Linux /proc; 0 once it is gone. */
export function cpuSecondsOf(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds (user, nice, system, irq, softirq) the whole machine has used so far, from /proc/stat. */
export function machineCpuSeconds(): number {
  const [user, nice, system, , , irq, softirq] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return (user + nice + system + irq + softirq) / 100;
}

/**
 * CPU used by mc-meta and by the PostgreSQL backends serving its database, sampled: on a machine shared with
 * other work, wall time says little and CPU time says what the work cost. A backend's time is kept after it exits
 * (pooled connections come and go) as of its last sample.
 */
export class CpuMeter {
  private readonly backends = new Map<number, { first: number; last: number }>();
  private readonly firstOwn: number;

  constructor(
    private readonly admin: Client,
    private readonly database: string,
    private readonly pid: number,
  ) {
    this.firstOwn = cpuSecondsOf(pid);
  }

  async sample(): Promise<void> {
    const { rows } = await this.admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [
      this.database,
    ]);
    for (const { pid } of rows) {
      const now = cpuSecondsOf(pid);
      const seen = this.backends.get(pid);
      if (seen) seen.last = Math.max(seen.last, now);
      // A backend first seen now may have worked before this meter started: count it from here.
      else this.backends.set(pid, { first: this.started ? 0 : now, last: now });
    }
    this.started = true;
  }

  private started = false;

  /** CPU seconds since the meter started: mc-meta's own and its database backends'. */
  used(): { service: number; database: number } {
    let database = 0;
    for (const { first, last } of this.backends.values()) database += last - first;
    return { service: cpuSecondsOf(this.pid) - this.firstOwn, database };
  }
}
