/*
 * Deterministic randomness. Catalog records are derived from (seed, region, slot) with a stateless hash, so
 * any record can be regenerated alone and a million-record stream needs no state; fault injection uses a
 * seeded sequence so a test sees the same failures on every run.
 */

/** 32-bit FNV-1a of a string. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mixes integers into one well-spread 32-bit value (murmur3's finaliser after each step). */
export function mix(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h ^= part >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** A value in [0, 1) from mixed parts. */
export function unit(...parts: number[]): number {
  return mix(...parts) / 0x1_0000_0000;
}

/** `unit(a, b, c)` without the rest array: the image catalog draws several per generated image. */
export function unit3(a: number, b: number, c: number): number {
  let h = 0x9e3779b9;
  for (let i = 0; i < 3; i++) {
    h ^= (i === 0 ? a : i === 1 ? b : c) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return (h >>> 0) / 0x1_0000_0000;
}

/** A stream of [0, 1) values from a seed (mulberry32). */
export function seededRandom(seed: number | string): () => number {
  let state = typeof seed === 'string' ? hashString(seed) : seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}

/** Picks from weighted choices with a [0, 1) value. */
export function pickWeighted<T extends { weight: number }>(choices: readonly T[], u: number): T {
  const total = choices.reduce((sum, c) => sum + c.weight, 0);
  let target = u * total;
  for (const choice of choices) {
    target -= choice.weight;
    if (target < 0) return choice;
  }
  return choices[choices.length - 1];
}

export function pick<T>(choices: readonly T[], u: number): T {
  return choices[Math.min(choices.length - 1, Math.floor(u * choices.length))];
}

export function hex8(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}
