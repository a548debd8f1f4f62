import type { OSPlatform } from '@cb/driver-sdk';

/** What one generated image is made of; `build` makes every name in a region unique. */
export interface ImageParts {
  /** yyyymmdd */
  date: string;
  arch: 'x86_64' | 'arm64';
  /** `amd64` / `arm64`, as Debian-family names spell it. */
  debArch: 'amd64' | 'arm64';
  build: number;
}

/** One OS distribution and how each cloud names its images (shapes copied from the clouds' catalogs). */
export interface Distribution {
  weight: number;
  distribution: string;
  platform: OSPlatform;
  arches: ImageParts['arch'][];
  diskGB: number;
  aws(p: ImageParts): string;
  gcp(p: ImageParts): { project: string; name: string };
  azure(p: ImageParts): string;
}

const gcpArch = (p: ImageParts) => (p.arch === 'arm64' ? '-arm64' : '');
const gen2 = (p: ImageParts) => (p.arch === 'arm64' ? 'arm64' : 'gen2');

function ubuntu(version: string, codename: string, weight: number): Distribution {
  const compact = version.replace('.', '');
  return {
    weight,
    distribution: `Ubuntu ${version} LTS`,
    platform: 'Linux/UNIX',
    arches: ['x86_64', 'arm64'],
    diskGB: 8,
    aws: (p) => `ubuntu/images/hvm-ssd/ubuntu-${codename}-${version}-${p.debArch}-server-${p.date}.${p.build}`,
    gcp: (p) => ({
      project: 'ubuntu-os-cloud',
      name: `ubuntu-${compact}-${codename}${gcpArch(p)}-v${p.date}-${p.build}`,
    }),
    azure: (p) =>
      `Canonical:0001-com-ubuntu-server-${codename}:${version.replace('.', '_')}-lts-${gen2(p)}:${version}.${p.date}.${p.build}`,
  };
}

function debian(version: string, codename: string, weight: number): Distribution {
  return {
    weight,
    distribution: `Debian ${version} (${codename})`,
    platform: 'Linux/UNIX',
    arches: ['x86_64', 'arm64'],
    diskGB: 8,
    aws: (p) => `debian-${version}-${p.debArch}-${p.date}-${p.build}`,
    gcp: (p) => ({ project: 'debian-cloud', name: `debian-${version}-${codename}${gcpArch(p)}-v${p.date}-${p.build}` }),
    azure: (p) => `Debian:debian-${version}:${version}-${gen2(p)}:0.${p.date}.${p.build}`,
  };
}

function redHatLike(name: string, version: string, weight: number): Distribution {
  const rhel = name === 'Red Hat Enterprise Linux';
  const major = version.split('.')[0];
  return {
    weight,
    distribution: `${name} ${version}`,
    platform: 'Linux/UNIX',
    arches: ['x86_64', 'arm64'],
    diskGB: 10,
    aws: (p) =>
      rhel
        ? `RHEL-${version}.0_HVM-${p.date}-${p.arch}-${p.build}-Hourly2-GP3`
        : `Rocky-${major}-EC2-Base-${version}-${p.date}.${p.build}.${p.arch}`,
    gcp: (p) => ({
      project: rhel ? 'rhel-cloud' : 'rocky-linux-cloud',
      name: `${rhel ? 'rhel' : 'rocky-linux'}-${major}${gcpArch(p)}-v${p.date}-${p.build}`,
    }),
    azure: (p) =>
      rhel
        ? `RedHat:RHEL:${version.replace('.', '_')}-${gen2(p)}:${version}.${p.date}.${p.build}`
        : `resf:rockylinux-x86_64:${major}-base:${version}.${p.date}.${p.build}`,
  };
}

const amazonLinux: Distribution = {
  weight: 6,
  distribution: 'Amazon Linux 2023',
  platform: 'Linux/UNIX',
  arches: ['x86_64', 'arm64'],
  diskGB: 8,
  aws: (p) => `al2023-ami-2023.6.${p.date}.${p.build}-kernel-6.1-${p.arch}`,
  gcp: (p) => ({ project: 'cos-cloud', name: `cos-stable-117-18613-0-${p.date}-${p.build}` }),
  azure: (p) => `MicrosoftCBLMariner:cbl-mariner:cbl-mariner-2-${gen2(p)}:2.${p.date}.${p.build}`,
};

function windows(year: string, weight: number): Distribution {
  return {
    weight,
    distribution: `Microsoft Windows Server ${year}`,
    platform: 'Windows',
    arches: ['x86_64'],
    diskGB: 30,
    aws: (p) =>
      `Windows_Server-${year}-English-Full-Base-${p.date.slice(0, 4)}.${p.date.slice(4, 6)}.${p.date.slice(6)}.${p.build}`,
    gcp: (p) => ({ project: 'windows-cloud', name: `windows-server-${year}-dc-v${p.date}-${p.build}` }),
    azure: (p) => `MicrosoftWindowsServer:WindowsServer:${year}-datacenter-g2:${year.slice(2)}.${p.date}.${p.build}`,
  };
}

const suse: Distribution = {
  weight: 3,
  distribution: 'SUSE Linux Enterprise Server 15 SP6',
  platform: 'Linux/UNIX',
  arches: ['x86_64', 'arm64'],
  diskGB: 10,
  aws: (p) => `suse-sles-15-sp6-v${p.date}-${p.build}-hvm-ssd-${p.arch}`,
  gcp: (p) => ({ project: 'suse-cloud', name: `sles-15-sp6${gcpArch(p)}-v${p.date}-${p.build}` }),
  azure: (p) => `SUSE:sles-15-sp6:${gen2(p)}:${p.date}.${p.build}`,
};

export const DISTRIBUTIONS: readonly Distribution[] = [
  ubuntu('24.04', 'noble', 14),
  ubuntu('22.04', 'jammy', 16),
  ubuntu('20.04', 'focal', 8),
  debian('12', 'bookworm', 8),
  debian('11', 'bullseye', 4),
  redHatLike('Red Hat Enterprise Linux', '9.4', 7),
  redHatLike('Red Hat Enterprise Linux', '8.10', 4),
  redHatLike('Rocky Linux', '9.4', 5),
  amazonLinux,
  windows('2022', 7),
  windows('2019', 4),
  suse,
];
