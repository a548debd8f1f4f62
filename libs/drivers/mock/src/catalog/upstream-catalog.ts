import type { GpuInfo, ImageInfo, RegionZoneInfo, VMSpecInfo, ZoneStatus } from '@cb/driver-sdk';

/* Upstream's mock driver answers with these exact names and shapes; scripts and clients depend on them. */

function builtInImage(n: number, arch: ImageInfo['OSArchitecture'], distribution: string, diskGB: number): ImageInfo {
  const id = `mock-vmimage-0${n}`;
  return {
    IId: { NameId: id, SystemId: id },
    Name: `mock-vmimage-name-0${n}`,
    OSArchitecture: arch,
    OSPlatform: distribution.startsWith('Windows') ? 'Windows' : 'Linux/UNIX',
    OSDistribution: distribution,
    OSDiskType: 'gp3',
    OSDiskSizeGB: String(diskGB),
    ImageStatus: 'Available',
  };
}

export const UPSTREAM_IMAGES: readonly ImageInfo[] = [
  builtInImage(1, 'x86_64', 'Ubuntu 18.04', 35),
  builtInImage(2, 'arm64', 'CentOS 8', 40),
  builtInImage(3, 'x86_64', 'Windows Server 2019', 50),
  builtInImage(4, 'arm64', 'Ubuntu 22.04', 35),
  builtInImage(5, 'x86_64', 'Amazon Linux 2', 30),
];

const v100 = (count: number): GpuInfo => ({
  Count: String(count),
  Mfr: 'NVIDIA',
  Model: 'V100',
  MemSizeGB: '512',
  TotalMemSizeGB: String(512 * count),
});

function builtInSpec(n: number, vcpu: number, ghz: string, memMiB: number, gpu?: GpuInfo): VMSpecInfo {
  return {
    Region: 'common-region',
    Name: `mock-vmspec-0${n}`,
    VCpu: { Count: String(vcpu), ClockGHz: ghz },
    MemSizeMiB: String(memMiB),
    DiskSizeGB: '-1',
    ...(gpu ? { Gpu: [gpu] } : {}),
  };
}

export const UPSTREAM_SPECS: readonly VMSpecInfo[] = [
  builtInSpec(1, 4, '2.7', 32768, v100(2)),
  builtInSpec(2, 4, '3.2', 32768, v100(1)),
  builtInSpec(3, 8, '2.7', 62464),
  builtInSpec(4, 8, '2.7', 1024),
];

const PLANETS = ['default', 'mercury', 'venus', 'mars', 'jupiter', 'saturn', 'uranus', 'neptune'];

/** Zones whose status upstream reports as something other than Available. */
const ZONE_STATUS: Record<string, ZoneStatus> = {
  'default-z2': 'Unavailable',
  'venus-z1': 'StatusNotSupported',
  'mars-z3': 'Unavailable',
};

const title = (word: string) => word[0].toUpperCase() + word.slice(1);

export const UPSTREAM_REGIONS: readonly RegionZoneInfo[] = PLANETS.map((planet) => ({
  Name: planet,
  DisplayName: title(planet),
  CSPDisplayName: planet === 'default' ? 'Default Region' : title(planet),
  ZoneList: [1, 2, 3].map((z) => ({
    Name: `${planet}-z${z}`,
    DisplayName: `${title(planet)} Zone ${z}`,
    CSPDisplayName: title(planet),
    Status: ZONE_STATUS[`${planet}-z${z}`] ?? 'Available',
  })),
}));

/** The price products upstream reads from its per-region JSON files (2 vCPU standard, 4 vCPU enhanced). */
export function upstreamPriceSpecs(region: string): { spec: VMSpecInfo; price: number }[] {
  const spec = (name: string, vcpu: number, memMiB: number): VMSpecInfo => ({
    Region: region,
    Name: `mock.${name}.${region}`,
    VCpu: { Count: String(vcpu), ClockGHz: '3.4' },
    MemSizeMiB: String(memMiB),
    DiskSizeGB: '-1',
  });
  const products = [
    { spec: spec('standard1', 2, 32768), price: 0.2 },
    { spec: spec('enhance1', 4, 65536), price: 0.4 },
  ];
  if (region === 'mercury') products.push({ spec: spec('standard2', 4, 32768), price: 0.3 });
  return products;
}
