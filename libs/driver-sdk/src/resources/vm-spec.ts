import type { KeyValue } from './iid';

/** Every number is a string, as upstream; `"-1"` means not applicable / unknown. */
export interface VCpuInfo {
  Count: string;
  ClockGHz: string;
}

export interface GpuInfo {
  Count: string;
  Mfr: string;
  Model: string;
  MemSizeGB: string;
  TotalMemSizeGB: string;
}

export interface VMSpecInfo {
  Region: string;
  Name: string;
  VCpu: VCpuInfo;
  MemSizeMiB: string;
  DiskSizeGB: string;
  Gpu?: GpuInfo[];
  KeyValueList?: KeyValue[];
}
