/** One instance type a cloud could offer: sizes and the hourly price in the cheapest region. */
export interface SpecCandidate {
  name: string;
  vcpu: number;
  memGiB: number;
  clockGHz: string;
  arch: 'x86_64' | 'arm64';
  gpu?: { count: number; model: string; memGB: number };
  /** USD per hour before the region's factor. */
  basePrice: number;
}

interface Family {
  /** Builds the type name from the vCPU count. */
  name: (vcpu: number) => string;
  vcpus: number[];
  memPerVcpu: number;
  clockGHz: string;
  arch?: 'arm64';
  /** GPUs for a given vCPU count. */
  gpu?: { model: string; memGB: number; perVcpus: number; maxCount?: number };
}

// Hourly list prices are roughly proportional to these per-unit rates across the big three clouds.
const CPU_RATE = 0.0208;
const GIB_RATE = 0.0026;
const GPU_RATE: Record<string, number> = { T4: 0.35, A10G: 0.75, V100: 2.1, A100: 2.9, L4: 0.6 };

const AWS_SIZES: Record<number, string> = {
  2: 'large',
  4: 'xlarge',
  8: '2xlarge',
  16: '4xlarge',
  32: '8xlarge',
  48: '12xlarge',
  64: '16xlarge',
  96: '24xlarge',
};
const aws = (family: string) => (vcpu: number) => `${family}.${AWS_SIZES[vcpu]}`;
const AWS_LADDER = [2, 4, 8, 16, 32, 48, 64, 96];

const AWS_FAMILIES: Family[] = [
  { name: aws('t3'), vcpus: [2, 4, 8], memPerVcpu: 4, clockGHz: '2.5' },
  ...['m5', 'm6i', 'm6a', 'm7i'].map((f) => ({ name: aws(f), vcpus: AWS_LADDER, memPerVcpu: 4, clockGHz: '3.1' })),
  ...['m6g', 'm7g'].map((f) => ({
    name: aws(f),
    vcpus: AWS_LADDER.slice(0, 7),
    memPerVcpu: 4,
    clockGHz: '2.5',
    arch: 'arm64' as const,
  })),
  ...['c5', 'c6i', 'c7i'].map((f) => ({ name: aws(f), vcpus: AWS_LADDER, memPerVcpu: 2, clockGHz: '3.5' })),
  ...['c6g', 'c7g'].map((f) => ({
    name: aws(f),
    vcpus: AWS_LADDER.slice(0, 7),
    memPerVcpu: 2,
    clockGHz: '2.6',
    arch: 'arm64' as const,
  })),
  ...['r5', 'r6i', 'r7i'].map((f) => ({ name: aws(f), vcpus: AWS_LADDER, memPerVcpu: 8, clockGHz: '3.1' })),
  { name: aws('r6g'), vcpus: AWS_LADDER.slice(0, 7), memPerVcpu: 8, clockGHz: '2.5', arch: 'arm64' },
  { name: aws('x2idn'), vcpus: [64, 96], memPerVcpu: 16, clockGHz: '3.5' },
  {
    name: aws('g4dn'),
    vcpus: [4, 8, 16, 32, 64],
    memPerVcpu: 4,
    clockGHz: '2.5',
    gpu: { model: 'T4', memGB: 16, perVcpus: 16, maxCount: 4 },
  },
  {
    name: aws('g5'),
    vcpus: [4, 8, 16, 32, 48, 96],
    memPerVcpu: 4,
    clockGHz: '3.3',
    gpu: { model: 'A10G', memGB: 24, perVcpus: 24, maxCount: 8 },
  },
  {
    name: aws('p3'),
    vcpus: [8, 32, 64],
    memPerVcpu: 7.625,
    clockGHz: '2.3',
    gpu: { model: 'V100', memGB: 16, perVcpus: 8 },
  },
];

const GCP_LADDER = [2, 4, 8, 16, 32, 48, 64, 80, 96, 128];
const GCP_FAMILIES: Family[] = [
  { name: (v) => `e2-standard-${v}`, vcpus: [2, 4, 8, 16, 32], memPerVcpu: 4, clockGHz: '2.2' },
  { name: (v) => `e2-highmem-${v}`, vcpus: [2, 4, 8, 16], memPerVcpu: 8, clockGHz: '2.2' },
  { name: (v) => `n2-standard-${v}`, vcpus: GCP_LADDER, memPerVcpu: 4, clockGHz: '2.8' },
  { name: (v) => `n2-highmem-${v}`, vcpus: GCP_LADDER, memPerVcpu: 8, clockGHz: '2.8' },
  { name: (v) => `n2-highcpu-${v}`, vcpus: GCP_LADDER, memPerVcpu: 1, clockGHz: '2.8' },
  { name: (v) => `n2d-standard-${v}`, vcpus: GCP_LADDER, memPerVcpu: 4, clockGHz: '2.45' },
  { name: (v) => `c3-standard-${v}`, vcpus: [4, 8, 22, 44, 88, 176], memPerVcpu: 4, clockGHz: '3.3' },
  { name: (v) => `t2a-standard-${v}`, vcpus: [1, 2, 4, 8, 16, 32, 48], memPerVcpu: 4, clockGHz: '3.0', arch: 'arm64' },
  {
    name: (v) => `a2-highgpu-${v / 12}g`,
    vcpus: [12, 24, 48, 96],
    memPerVcpu: 7.08,
    clockGHz: '2.2',
    gpu: { model: 'A100', memGB: 40, perVcpus: 12 },
  },
  {
    name: (v) => `g2-standard-${v}`,
    vcpus: [4, 8, 12, 16, 24, 32, 48, 96],
    memPerVcpu: 4,
    clockGHz: '2.2',
    gpu: { model: 'L4', memGB: 24, perVcpus: 16, maxCount: 8 },
  },
];

const AZURE_LADDER = [2, 4, 8, 16, 32, 48, 64, 96];
const AZURE_FAMILIES: Family[] = [
  { name: (v) => `Standard_B${v}ms`, vcpus: [2, 4, 8, 12, 16, 20], memPerVcpu: 4, clockGHz: '2.3' },
  { name: (v) => `Standard_D${v}s_v5`, vcpus: AZURE_LADDER, memPerVcpu: 4, clockGHz: '3.5' },
  { name: (v) => `Standard_D${v}as_v5`, vcpus: AZURE_LADDER, memPerVcpu: 4, clockGHz: '3.5' },
  {
    name: (v) => `Standard_D${v}ps_v5`,
    vcpus: AZURE_LADDER.slice(0, 7),
    memPerVcpu: 4,
    clockGHz: '3.0',
    arch: 'arm64',
  },
  { name: (v) => `Standard_E${v}s_v5`, vcpus: AZURE_LADDER, memPerVcpu: 8, clockGHz: '3.5' },
  { name: (v) => `Standard_F${v}s_v2`, vcpus: [2, 4, 8, 16, 32, 48, 64, 72], memPerVcpu: 2, clockGHz: '3.7' },
  {
    name: (v) => `Standard_NC${v}as_T4_v3`,
    vcpus: [4, 8, 16, 64],
    memPerVcpu: 7,
    clockGHz: '2.45',
    gpu: { model: 'T4', memGB: 16, perVcpus: 16, maxCount: 4 },
  },
  {
    name: (v) => `Standard_NC${v}s_v3`,
    vcpus: [6, 12, 24],
    memPerVcpu: 18.7,
    clockGHz: '2.6',
    gpu: { model: 'V100', memGB: 16, perVcpus: 6 },
  },
];

function expand(families: Family[]): SpecCandidate[] {
  return families.flatMap((family) =>
    family.vcpus.map((vcpu) => {
      const memGiB = Math.round(vcpu * family.memPerVcpu);
      const gpuCount = family.gpu
        ? Math.max(1, Math.min(family.gpu.maxCount ?? 16, Math.floor(vcpu / family.gpu.perVcpus)))
        : 0;
      const armDiscount = family.arch === 'arm64' ? 0.8 : 1;
      const gpuPrice = family.gpu ? gpuCount * GPU_RATE[family.gpu.model] : 0;
      return {
        name: family.name(vcpu),
        vcpu,
        memGiB,
        clockGHz: family.clockGHz,
        arch: family.arch ?? 'x86_64',
        ...(family.gpu ? { gpu: { count: gpuCount, model: family.gpu.model, memGB: family.gpu.memGB } } : {}),
        basePrice: (vcpu * CPU_RATE + memGiB * GIB_RATE) * armDiscount + gpuPrice,
      };
    }),
  );
}

export const AWS_SPECS = expand(AWS_FAMILIES);
export const GCP_SPECS = expand(GCP_FAMILIES);
export const AZURE_SPECS = expand(AZURE_FAMILIES);
