import type { Point } from './hull';

/**
 * VMs of one region share its coordinates: points that coincide (within half a unit) are set on a small ring
 * around their place, so each VM shows, and a group of them gets an outline of its own.
 */
export function spreadCoincident(points: Point[], radius = 6): Point[] {
  const groups = new Map<string, number[]>();
  points.forEach(([x, y], i) => {
    const key = `${Math.round(x * 2)},${Math.round(y * 2)}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const spread = points.map((p) => [p[0], p[1]] as Point);
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    members.forEach((index, k) => {
      const angle = (2 * Math.PI * k) / members.length - Math.PI / 2;
      const [x, y] = points[index]!;
      spread[index] = [x + radius * Math.cos(angle), y + radius * Math.sin(angle)];
    });
  }
  return spread;
}
