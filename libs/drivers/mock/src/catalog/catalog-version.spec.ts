import type { ImageInfo } from '@cb/driver-sdk';
import { ADD_RATE, CHANGE_RATE, REMOVE_RATE } from './catalog-version';
import { ImageCatalog } from './image-catalog';
import { PROFILES } from './profiles';

const SIZE = 20_000;

async function byId(version: number): Promise<Map<string, ImageInfo>> {
  const catalog = new ImageCatalog(PROFILES.gcp, 'drift', 'us-central1', SIZE, version, { imagesGenerated: 0 });
  const out = new Map<string, ImageInfo>();
  for await (const image of catalog.stream()) out.set(image.IId.NameId, image);
  return out;
}

function diff(before: Map<string, ImageInfo>, after: Map<string, ImageInfo>) {
  const added = [...after.keys()].filter((id) => !before.has(id));
  const removed = [...before.keys()].filter((id) => !after.has(id));
  const changed = [...after.keys()].filter(
    (id) => before.has(id) && JSON.stringify(before.get(id)) !== JSON.stringify(after.get(id)),
  );
  return { added, removed, changed };
}

describe('CatalogVersion', () => {
  let v1: Map<string, ImageInfo>;
  let v2: Map<string, ImageInfo>;
  let v3: Map<string, ImageInfo>;

  beforeAll(async () => {
    [v1, v2, v3] = await Promise.all([byId(1), byId(2), byId(3)]);
  });

  it('adds, changes and removes a small fraction of the images from one version to the next', () => {
    const { added, removed, changed } = diff(v1, v2);
    expect(v1.size).toBe(SIZE);
    expect(added).toHaveLength(Math.round(SIZE * ADD_RATE));
    // Binomial counts: within 4 standard deviations of the configured rates.
    const within = (count: number, rate: number) => Math.abs(count - SIZE * rate) < 4 * Math.sqrt(SIZE * rate);
    expect(removed.length).toBeGreaterThan(0);
    expect(within(removed.length, REMOVE_RATE)).toBe(true);
    expect(within(changed.length, CHANGE_RATE)).toBe(true);
    expect(v2.size).toBe(SIZE + added.length - removed.length);
  });

  it('changes a record in place: same id, rebuilt content, marked with its revision', () => {
    const { changed } = diff(v1, v2);
    for (const id of changed) {
      const before = v1.get(id)!;
      const after = v2.get(id)!;
      expect(after.Name).toBe(before.Name);
      expect(Number(after.OSDiskSizeGB)).toBeGreaterThan(Number(before.OSDiskSizeGB));
      expect(after.KeyValueList).toContainEqual({ Key: 'CatalogRevision', Value: '1' });
    }
  });

  it('keeps every other record identical', () => {
    const { removed, changed } = diff(v1, v2);
    const touched = new Set([...removed, ...changed]);
    const untouched = [...v1.keys()].filter((id) => !touched.has(id));
    expect(untouched.length).toBe(SIZE - touched.size);
    for (const id of untouched.slice(0, 2000)) expect(v2.get(id)).toEqual(v1.get(id));
  });

  it('drifts incrementally: what version 2 removed stays removed in version 3', () => {
    const { removed } = diff(v1, v2);
    for (const id of removed) expect(v3.has(id)).toBe(false);
    const next = diff(v2, v3);
    expect(next.added.length).toBe(Math.round(SIZE * ADD_RATE));
    expect(next.added.some((id) => v1.has(id) || v2.has(id))).toBe(false);
  });
});
