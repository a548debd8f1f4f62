import type { RegionZoneInfo } from '@cb/driver-sdk';

/** [name, display name, latitude, longitude, zone suffixes] as the clouds publish them. */
type RegionRow = [string, string, number, number, string[]];

const AWS: RegionRow[] = [
  ['us-east-1', 'US East (N. Virginia)', 38.9940541, -77.4524237, ['a', 'b', 'c', 'd', 'e', 'f']],
  ['us-east-2', 'US East (Ohio)', 40.0946354, -82.7541337, ['a', 'b', 'c']],
  ['us-west-1', 'US West (N. California)', 37.44368, -122.153664, ['b', 'c']],
  ['us-west-2', 'US West (Oregon)', 45.9174667, -119.2684488, ['a', 'b', 'c', 'd']],
  ['eu-west-1', 'Europe (Ireland)', 53.4056545, -6.224503, ['a', 'b', 'c']],
  ['eu-central-1', 'Europe (Frankfurt)', 50.0992094, 8.6303932, ['a', 'b', 'c']],
  ['ap-northeast-1', 'Asia Pacific (Tokyo)', 35.6414, 139.7419, ['a', 'c', 'd']],
  ['ap-northeast-2', 'Asia Pacific (Seoul)', 37.5616592, 126.8736237, ['a', 'b', 'c', 'd']],
  ['ap-southeast-1', 'Asia Pacific (Singapore)', 1.3218269, 103.6930643, ['a', 'b', 'c']],
  ['sa-east-1', 'South America (Sao Paulo)', -23.4925798, -46.8105593, ['a', 'b', 'c']],
];

const GCP: RegionRow[] = [
  ['us-central1', 'Council Bluffs, Iowa, North America', 41.2619, -95.8608, ['a', 'b', 'c', 'f']],
  ['us-east1', 'Moncks Corner, South Carolina, North America', 33.196, -80.0131, ['b', 'c', 'd']],
  ['europe-west1', 'St. Ghislain, Belgium, Europe', 50.4491, 3.8184, ['b', 'c', 'd']],
  ['asia-northeast1', 'Tokyo, Japan, APAC', 35.6895, 139.6917, ['a', 'b', 'c']],
  ['asia-northeast3', 'Seoul, South Korea, APAC', 37.5665, 126.978, ['a', 'b', 'c']],
  ['australia-southeast1', 'Sydney, Australia, APAC', -33.8688, 151.2093, ['a', 'b', 'c']],
];

const AZURE: RegionRow[] = [
  ['eastus', 'East US', 37.3719, -79.8164, ['1', '2', '3']],
  ['westus2', 'West US 2', 47.233, -119.852, ['1', '2', '3']],
  ['westeurope', 'West Europe', 52.3667, 4.9, ['1', '2', '3']],
  ['koreacentral', 'Korea Central', 37.5665, 126.978, ['1', '2', '3']],
  ['japaneast', 'Japan East', 35.68, 139.77, ['1', '2', '3']],
  ['southeastasia', 'Southeast Asia', 1.283, 103.833, ['1', '2', '3']],
  ['brazilsouth', 'Brazil South', -23.55, -46.633, ['1', '2', '3']],
];

function toRegions(rows: RegionRow[], zoneName: (region: string, suffix: string) => string): RegionZoneInfo[] {
  return rows.map(([name, display, latitude, longitude, zones]) => ({
    Name: name,
    DisplayName: display,
    CSPDisplayName: display,
    ZoneList: zones.map((suffix) => ({
      Name: zoneName(name, suffix),
      DisplayName: zoneName(name, suffix),
      CSPDisplayName: zoneName(name, suffix),
      Status: 'Available',
    })),
    KeyValueList: [
      { Key: 'Latitude', Value: String(latitude) },
      { Key: 'Longitude', Value: String(longitude) },
    ],
  }));
}

export const AWS_REGIONS = toRegions(AWS, (region, suffix) => `${region}${suffix}`);
export const GCP_REGIONS = toRegions(GCP, (region, suffix) => `${region}-${suffix}`);
export const AZURE_REGIONS = toRegions(AZURE, (_region, suffix) => suffix);
