import type { VmImageSummary, VmSpecSummary } from '../../store/mcis';
import type { ImageRef, SpecRef } from './ports';

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const count = (value: unknown, fallback = 0) => {
  const n = Number(value);
  return Number.isFinite(n) ? n : fallback;
};

/** VmInfo.spec: what a VM is created with, from its spec resource (upstream's SpecSummary). */
export function specSummaryOf(spec: SpecRef): VmSpecSummary {
  const info = spec.info;
  return {
    cspSpecName: spec.cspSpecName,
    vCPU: count(info.vCPU),
    memoryGiB: count(info.memoryGiB),
    costPerHour: count(info.costPerHour, -1),
    acceleratorModel: text(info.acceleratorModel),
    acceleratorCount: count(info.acceleratorCount),
    acceleratorMemoryGB: count(info.acceleratorMemoryGB),
    acceleratorType: text(info.acceleratorType),
  };
}

/** VmInfo.image: what a VM is created from, from its image or customImage resource (upstream's ImageSummary). */
export function imageSummaryOf(image: ImageRef): VmImageSummary {
  const info = image.info;
  return {
    cspImageName: image.cspImageName,
    osType: text(info.osType),
    osArchitecture: text(info.osArchitecture),
    osDistribution: text(info.osDistribution),
  };
}
