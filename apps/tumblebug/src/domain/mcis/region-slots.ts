/**
 * How many regions (connections) of one provider are worked at once: upstream's RateLimitConfig level 2,
 * `MaxConcurrentRegions` per CSP. A region holds its slot while any of its calls is queued or running,
 * and gives it up when its last call ends; further regions wait in arrival order. Calls of a region that
 * already holds a slot never wait here (its own lane paces them).
 */
export class RegionSlots {
  private readonly active = new Map<string, number>();
  private readonly waiting: { region: string; admit: () => void }[] = [];

  constructor(private readonly maxRegions: number) {}

  /** Resolves with a release function once `region` holds a slot. */
  async enter(region: string): Promise<() => void> {
    if (!this.admit(region)) await new Promise<void>((admit) => this.waiting.push({ region, admit }));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.leave(region);
    };
  }

  /** Regions holding a slot now. */
  get size(): number {
    return this.active.size;
  }

  private admit(region: string): boolean {
    const calls = this.active.get(region);
    if (calls === undefined && this.active.size >= this.maxRegions) return false;
    this.active.set(region, (calls ?? 0) + 1);
    return true;
  }

  private leave(region: string) {
    const calls = this.active.get(region)! - 1;
    if (calls > 0) return void this.active.set(region, calls);
    this.active.delete(region);
    // A freed slot goes to the longest-waiting region, together with every call of it that waits.
    for (let i = 0; i < this.waiting.length;) {
      const next = this.waiting[i];
      if (this.admit(next.region)) {
        this.waiting.splice(i, 1);
        next.admit();
      } else i++;
    }
  }
}
