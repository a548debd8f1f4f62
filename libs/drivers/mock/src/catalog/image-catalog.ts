import { DriverError, type IID, type ImageInfo } from '@cb/driver-sdk';
import { MAX_IMAGES_PER_REGION } from '../config';
import { hashString, mix, pickWeighted, unit3 } from '../random';
import { CatalogVersioning } from './catalog-version';
import { DISTRIBUTIONS, type ImageParts } from './distributions';
import type { CatalogProfile } from './profiles';

/** Counters tests read to prove the catalog streams (generates on demand) rather than buffers. */
export interface CatalogMetrics {
  imagesGenerated: number;
}

const NEWEST_IMAGE_DAY = Date.UTC(2024, 10, 12);
const DAY_MS = 86_400_000;
/** Images are published over this many days before the newest. */
const IMAGE_DAYS = 1500;

/** A publishing day (days before the newest) as `yyyymmdd` and as an ISO timestamp, formatted once per day. */
interface PublishDay {
  yyyymmdd: string;
  iso: string;
}
const PUBLISH_DAYS: PublishDay[] = [];

function publishDay(daysBack: number): PublishDay {
  let day = PUBLISH_DAYS[daysBack];
  if (!day) {
    const iso = new Date(NEWEST_IMAGE_DAY - daysBack * DAY_MS).toISOString();
    day = { yyyymmdd: iso.slice(0, 10).replaceAll('-', ''), iso };
    PUBLISH_DAYS[daysBack] = day;
  }
  return day;
}

/**
 * The public images of one region. Nothing is stored: slot i's image is derived from (seed, region, i) when
 * asked for, so a million-image region costs no memory and any image can be looked up by id alone.
 */
export class ImageCatalog {
  private readonly salt: number;
  private readonly versioning: CatalogVersioning;

  constructor(
    private readonly profile: CatalogProfile,
    seed: string,
    readonly region: string,
    size: number,
    version: number,
    private readonly metrics: CatalogMetrics,
  ) {
    if (size > MAX_IMAGES_PER_REGION) {
      throw new DriverError('INVALID_ARGUMENT', `ImagesPerRegion ${size} is above ${MAX_IMAGES_PER_REGION}`);
    }
    this.salt = mix(hashString(seed), hashString(region));
    this.versioning = new CatalogVersioning(this.salt, size, version, profile.builtInImages.length);
  }

  async *stream(): AsyncGenerator<ImageInfo> {
    for (let slot = 0; slot < this.versioning.slotCount; slot++) {
      const image = this.imageAt(slot);
      if (image) yield image;
    }
  }

  /** The image in a slot at this catalog version, or undefined when the slot is not (or no longer) there. */
  imageAt(slot: number): ImageInfo | undefined {
    if (slot < 0 || slot >= this.versioning.slotCount) return undefined;
    const fate = this.versioning.fate(slot);
    if (fate.removed) return undefined;
    this.metrics.imagesGenerated++;
    const builtIn = this.profile.builtInImages[slot];
    return builtIn ? structuredClone(builtIn) : this.generate(slot, fate.revision);
  }

  get(imageIID: IID): ImageInfo {
    for (const id of [imageIID.SystemId, imageIID.NameId]) {
      if (!id) continue;
      const builtIn = this.profile.builtInImages.findIndex((i) => i.IId.NameId === id);
      const slot = builtIn >= 0 ? builtIn : this.profile.slotOf(id);
      const image = slot === undefined ? undefined : this.imageAt(slot);
      if (image && (image.IId.NameId === id || image.IId.SystemId === id)) return image;
    }
    throw new DriverError(
      'NOT_FOUND',
      `image '${imageIID.NameId || imageIID.SystemId}' does not exist in region '${this.region}'`,
    );
  }

  private generate(slot: number, revision: number): ImageInfo {
    const salt = this.salt;
    const distribution = pickWeighted(DISTRIBUTIONS, unit3(salt, slot, 1));
    const arch = distribution.arches.includes('arm64') && unit3(salt, slot, 2) < 0.3 ? 'arm64' : 'x86_64';
    const created = publishDay(Math.floor(unit3(salt, slot, 3) * IMAGE_DAYS));
    const parts: ImageParts = {
      date: created.yyyymmdd,
      arch,
      debArch: arch === 'arm64' ? 'arm64' : 'amd64',
      build: slot,
    };
    const identity = this.profile.identify(distribution, parts, this.salt, slot);
    const keyValues = [
      ...identity.KeyValueList,
      { Key: 'CreationDate', Value: created.iso },
      ...(revision > 0 ? [{ Key: 'CatalogRevision', Value: String(revision) }] : []),
    ];
    return {
      IId: identity.IId,
      Name: identity.Name,
      OSArchitecture: arch,
      OSPlatform: distribution.platform,
      OSDistribution: distribution.distribution,
      OSDiskType: this.profile.diskType,
      // A revised image is a rebuilt one: it grew, as real re-published images do.
      OSDiskSizeGB: String(distribution.diskGB + 2 * revision),
      ImageStatus: unit3(salt, slot, 4) < 0.02 ? 'Unavailable' : 'Available',
      KeyValueList: keyValues,
    };
  }
}
