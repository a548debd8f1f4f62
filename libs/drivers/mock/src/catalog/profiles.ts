import type { IID, ImageInfo, RegionZoneInfo, VMSpecInfo } from '@cb/driver-sdk';
import type { ProfileName } from '../config';
import { hex8, mix } from '../random';
import type { Distribution, ImageParts } from './distributions';
import { AWS_REGIONS, AZURE_REGIONS, GCP_REGIONS } from './real-regions';
import { AWS_SPECS, AZURE_SPECS, GCP_SPECS, type SpecCandidate } from './spec-families';
import { UPSTREAM_IMAGES, UPSTREAM_REGIONS, UPSTREAM_SPECS } from './upstream-catalog';

export interface ImageIdentity {
  IId: IID;
  Name: string;
  KeyValueList: { Key: string; Value: string }[];
}

/** How one cloud shapes its catalog: regions, image ids and names, instance types, product families. */
export interface CatalogProfile {
  name: ProfileName;
  regions: readonly RegionZoneInfo[];
  defaultImagesPerRegion: number;
  defaultSpecsPerRegion: number;
  /** Upstream's fixed records, occupying the first slots of the catalogs. */
  builtInImages: readonly ImageInfo[];
  builtInSpecs: readonly VMSpecInfo[];
  specCandidates: readonly SpecCandidate[];
  computeFamily: string;
  productFamilies: string[];
  diskType: string;
  identify(distribution: Distribution, parts: ImageParts, salt: number, slot: number): ImageIdentity;
  /** The slot a generated image id came from, or undefined when the id cannot be one of ours. */
  slotOf(id: string): number | undefined;
}

// AMI ids carry the slot through an invertible multiply, so an id maps back to its slot with no index.
const MULTIPLIER = 0x9e3779b1;
const INVERSE = (() => {
  let inv = MULTIPLIER;
  for (let i = 0; i < 5; i++) inv = Math.imul(inv, 2 - Math.imul(MULTIPLIER, inv));
  return inv >>> 0;
})();

const amiIdentity: CatalogProfile['identify'] = (distribution, parts, salt, slot) => {
  const ami = `ami-0${hex8(mix(salt, slot, 99))}${hex8(Math.imul(slot, MULTIPLIER))}`;
  return {
    IId: { NameId: ami, SystemId: ami },
    Name: distribution.aws(parts),
    KeyValueList: [{ Key: 'OwnerAlias', Value: 'amazon' }],
  };
};

function amiSlot(id: string): number | undefined {
  const match = /^ami-0[0-9a-f]{8}([0-9a-f]{8})$/.exec(id);
  return match ? Math.imul(parseInt(match[1], 16), INVERSE) >>> 0 : undefined;
}

const trailingNumber = (pattern: RegExp) => (id: string) => {
  const match = pattern.exec(id);
  return match ? Number(match[1]) : undefined;
};

const upstream: CatalogProfile = {
  name: 'upstream',
  regions: UPSTREAM_REGIONS,
  defaultImagesPerRegion: UPSTREAM_IMAGES.length,
  defaultSpecsPerRegion: UPSTREAM_SPECS.length,
  builtInImages: UPSTREAM_IMAGES,
  builtInSpecs: UPSTREAM_SPECS,
  specCandidates: AWS_SPECS,
  computeFamily: 'Compute Instance',
  productFamilies: ['Compute Instance', 'Storage', 'Network Load Balancer'],
  diskType: 'gp3',
  identify: amiIdentity,
  slotOf: amiSlot,
};

const aws: CatalogProfile = {
  ...upstream,
  name: 'aws',
  regions: AWS_REGIONS,
  defaultImagesPerRegion: 200,
  defaultSpecsPerRegion: 40,
  builtInImages: [],
  builtInSpecs: [],
};

const gcp: CatalogProfile = {
  name: 'gcp',
  regions: GCP_REGIONS,
  defaultImagesPerRegion: 200,
  defaultSpecsPerRegion: 40,
  builtInImages: [],
  builtInSpecs: [],
  specCandidates: GCP_SPECS,
  computeFamily: 'Compute',
  productFamilies: ['Compute', 'Storage', 'Networking'],
  diskType: 'pd-balanced',
  identify: (distribution, parts, salt, slot) => {
    const { project, name } = distribution.gcp(parts);
    const numericId = `${1_000_000_000 + (mix(salt, slot, 7) % 8_999_999_999)}${String(slot).padStart(9, '0')}`;
    return {
      IId: { NameId: name, SystemId: numericId },
      Name: name,
      KeyValueList: [{ Key: 'Project', Value: project }],
    };
  },
  // The name ends in the build (= slot); the numeric id ends in the slot, zero-padded to 9 digits.
  slotOf: (id) => (/^\d{19}$/.test(id) ? Number(id.slice(-9)) : trailingNumber(/-(\d+)$/)(id)),
};

const azure: CatalogProfile = {
  name: 'azure',
  regions: AZURE_REGIONS,
  defaultImagesPerRegion: 200,
  defaultSpecsPerRegion: 40,
  builtInImages: [],
  builtInSpecs: [],
  specCandidates: AZURE_SPECS,
  computeFamily: 'Compute',
  productFamilies: ['Compute', 'Storage', 'Networking'],
  diskType: 'Premium_LRS',
  identify: (distribution, parts) => {
    const urn = distribution.azure(parts);
    return {
      IId: { NameId: urn, SystemId: urn },
      Name: urn,
      KeyValueList: [{ Key: 'Publisher', Value: urn.split(':')[0] }],
    };
  },
  slotOf: trailingNumber(/\.(\d+)$/),
};

export const PROFILES: Record<ProfileName, CatalogProfile> = { upstream, aws, gcp, azure };
