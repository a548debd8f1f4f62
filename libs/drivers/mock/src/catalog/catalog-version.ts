import { unit } from '../random';

/*
 * How a catalog drifts between versions, so incremental sync can be tested. Version 1 is the base catalog of
 * `size` slots. Each later version k removes and changes a small deterministic fraction of the slots alive at
 * k-1 and appends a few new slots. A slot's fate at version V is a pure function of (salt, slot, V).
 */
export const REMOVE_RATE = 0.005;
export const CHANGE_RATE = 0.01;
export const ADD_RATE = 0.005;

export interface SlotFate {
  removed: boolean;
  /** How many versions changed the record; 0 = as first published. */
  revision: number;
}

export class CatalogVersioning {
  readonly addedPerVersion: number;

  constructor(
    private readonly salt: number,
    readonly baseSize: number,
    readonly version: number,
    /** Slots below this never drift (upstream's built-in records). */
    private readonly fixedSlots = 0,
  ) {
    this.addedPerVersion = Math.max(1, Math.round(baseSize * ADD_RATE));
  }

  /** Slots that exist at this version, dead or alive: the base plus everything added since. */
  get slotCount(): number {
    return this.baseSize + (this.version - 1) * this.addedPerVersion;
  }

  /** The version that first published a slot. */
  addedAt(slot: number): number {
    return slot < this.baseSize ? 1 : 2 + Math.floor((slot - this.baseSize) / this.addedPerVersion);
  }

  fate(slot: number): SlotFate {
    let revision = 0;
    if (slot < this.fixedSlots) return { removed: false, revision };
    for (let k = this.addedAt(slot) + 1; k <= this.version; k++) {
      const u = unit(this.salt, slot, 1000 + k);
      if (u < REMOVE_RATE) return { removed: true, revision };
      if (u < REMOVE_RATE + CHANGE_RATE) revision++;
    }
    return { removed: false, revision };
  }
}
