/*
 * The benchmark's catalog: 3 mock providers x 20 connections x ImagesPerRegion images (default 20,000, so
 * 1.2 million images), each connection a region of its profile with a seed of its own (a profile has 6-10
 * real regions, so regions repeat with different catalogs), plus each region's specs and prices.
 */
export interface BenchConnection {
  name: string;
  profile: 'aws' | 'gcp' | 'azure';
  region: string;
  credential: Record<string, string>;
}

const REGIONS = {
  aws: [
    'us-east-1',
    'us-east-2',
    'us-west-1',
    'us-west-2',
    'eu-west-1',
    'eu-central-1',
    'ap-northeast-1',
    'ap-northeast-2',
    'ap-southeast-1',
    'sa-east-1',
  ],
  gcp: ['us-central1', 'us-east1', 'europe-west1', 'asia-northeast1', 'asia-northeast3', 'australia-southeast1'],
  azure: ['eastus', 'westus2', 'westeurope', 'koreacentral', 'japaneast', 'southeastasia', 'brazilsouth'],
} as const;

export function benchConnections(imagesPerRegion: number, perProvider = 20): BenchConnection[] {
  return (Object.keys(REGIONS) as (keyof typeof REGIONS)[]).flatMap((profile) =>
    Array.from({ length: perProvider }, (_, i) => {
      const name = `bench-${profile}-${String(i).padStart(2, '0')}`;
      return {
        name,
        profile,
        region: REGIONS[profile][i % REGIONS[profile].length],
        credential: { MockName: name, Profile: profile, Seed: name, ImagesPerRegion: String(imagesPerRegion) },
      };
    }),
  );
}
