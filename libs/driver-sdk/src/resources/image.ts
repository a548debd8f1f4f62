import type { IID, KeyValue } from './iid';

export type OSArchitecture = 'arm32' | 'arm64' | 'arm64_mac' | 'x86_32' | 'x86_64' | 'x86_32_mac' | 'x86_64_mac' | 'NA';
export type OSPlatform = 'Linux/UNIX' | 'Windows' | 'NA';
export type ImageStatus = 'Available' | 'Unavailable' | 'NA';

export interface ImageInfo {
  IId: IID;
  Name: string;
  OSArchitecture: OSArchitecture;
  OSPlatform: OSPlatform;
  OSDistribution: string;
  OSDiskType: string;
  OSDiskSizeGB: string;
  ImageStatus: ImageStatus;
  KeyValueList?: KeyValue[];
}
