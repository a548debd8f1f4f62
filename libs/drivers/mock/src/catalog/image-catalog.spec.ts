import type { ImageInfo } from '@cb/driver-sdk';
import { PROFILES } from './profiles';
import { type CatalogMetrics, ImageCatalog } from './image-catalog';

function catalog(
  profile: keyof typeof PROFILES,
  seed: string,
  size: number,
  metrics: CatalogMetrics = { imagesGenerated: 0 },
) {
  return new ImageCatalog(PROFILES[profile], seed, 'ap-northeast-2', size, 1, metrics);
}

async function first(images: AsyncIterable<ImageInfo>, n: number): Promise<ImageInfo[]> {
  const out: ImageInfo[] = [];
  for await (const image of images) {
    out.push(image);
    if (out.length === n) break;
  }
  return out;
}

describe('ImageCatalog', () => {
  it('generates the same images for the same seed and region', async () => {
    const a = await first(catalog('aws', 'seed-1', 10_000).stream(), 200);
    const b = await first(catalog('aws', 'seed-1', 10_000).stream(), 200);
    expect(a).toHaveLength(200);
    expect(b).toEqual(a);
  });

  it('generates different images for a different seed or region', async () => {
    const a = await first(catalog('aws', 'seed-1', 10_000).stream(), 50);
    const b = await first(catalog('aws', 'seed-2', 10_000).stream(), 50);
    const otherRegion = await first(
      new ImageCatalog(PROFILES.aws, 'seed-1', 'us-east-1', 10_000, 1, { imagesGenerated: 0 }).stream(),
      50,
    );
    expect(b.map((i) => i.IId.NameId)).not.toEqual(a.map((i) => i.IId.NameId));
    expect(otherRegion.map((i) => i.IId.NameId)).not.toEqual(a.map((i) => i.IId.NameId));
  });

  it('shapes images like the real clouds name them', async () => {
    const [aws] = await first(catalog('aws', 's', 100).stream(), 1);
    expect(aws.IId.NameId).toMatch(/^ami-0[0-9a-f]{16}$/);
    const awsNames = (await first(catalog('aws', 's', 500).stream(), 500)).map((i) => i.Name);
    expect(
      awsNames.some((n) =>
        /^ubuntu\/images\/hvm-ssd\/ubuntu-(jammy|noble|focal)-\d\d\.04-(amd64|arm64)-server-\d{8}\.\d+$/.test(n),
      ),
    ).toBe(true);
    expect(awsNames.some((n) => n.startsWith('Windows_Server-'))).toBe(true);
    const gcp = (await first(catalog('gcp', 's', 500).stream(), 500)).map((i) => i.IId.NameId);
    expect(gcp.some((n) => /^ubuntu-2204-jammy(-arm64)?-v\d{8}-\d+$/.test(n))).toBe(true);
    const azure = (await first(catalog('azure', 's', 500).stream(), 500)).map((i) => i.IId.NameId);
    expect(azure.some((n) => n.startsWith('Canonical:0001-com-ubuntu-server-'))).toBe(true);
  });

  it('mixes architectures and platforms and gives every image a unique id', async () => {
    const images = await first(catalog('aws', 's', 2_000).stream(), 2_000);
    expect(new Set(images.map((i) => i.IId.NameId)).size).toBe(2_000);
    expect(new Set(images.map((i) => i.Name)).size).toBe(2_000);
    expect(new Set(images.map((i) => i.OSArchitecture))).toEqual(new Set(['x86_64', 'arm64']));
    expect(new Set(images.map((i) => i.OSPlatform))).toEqual(new Set(['Linux/UNIX', 'Windows']));
  });

  it.each(['aws', 'gcp', 'azure', 'upstream'] as const)(
    'finds any %s image by its id without listing',
    async (profile) => {
      const images = catalog(profile, 's', 1_000_000);
      const sample = images.imageAt(987_654)!;
      expect(images.get({ NameId: sample.IId.NameId, SystemId: '' })).toEqual(sample);
      expect(images.get({ NameId: '', SystemId: sample.IId.SystemId })).toEqual(sample);
      expect(() => images.get({ NameId: 'ami-0123', SystemId: '' })).toThrow(/does not exist/);
    },
  );

  it('streams 100,000 images while generating each only when it is read', async () => {
    const metrics: CatalogMetrics = { imagesGenerated: 0 };
    const images = catalog('aws', 's', 1_000_000, metrics);
    let read = 0;
    let maxAhead = 0;
    for await (const image of images.stream()) {
      read++;
      maxAhead = Math.max(maxAhead, metrics.imagesGenerated - read);
      expect(image.IId.NameId).toBeTruthy();
      if (read === 100_000) break;
    }
    expect(read).toBe(100_000);
    expect(maxAhead).toBe(0);
    expect(metrics.imagesGenerated).toBe(100_000);
  });

  it("starts the upstream profile with upstream's five images, then generated ones", async () => {
    const images = await first(catalog('upstream', 's', 8).stream(), 10);
    expect(images.slice(0, 5).map((i) => i.IId.NameId)).toEqual([1, 2, 3, 4, 5].map((n) => `mock-vmimage-0${n}`));
    expect(images).toHaveLength(8);
    expect(images[5].IId.NameId).toMatch(/^ami-0/);
  });

  it('refuses more than a million images per region', () => {
    expect(() => catalog('aws', 's', 1_000_001)).toThrow(/above 1000000/);
  });
});
