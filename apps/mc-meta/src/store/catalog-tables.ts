import type { CatalogKind } from '../domain/source/metadata-source';

/**
 * How each kind's records land in its table: the key that identifies a record within a connection, and the
 * columns extracted from the record (`d` is the record as jsonb, `k` its key; $2 is the provider, $3 the
 * connection's region). Extraction runs inside PostgreSQL, so the sync process only serialises records and never
 * holds them.
 */
export interface CatalogTable {
  kind: CatalogKind;
  table: string;
  /**
   * The record's key, or undefined for a record without one (not stored). Told by the sync process, which so
   * lists each key once per task (the first listing wins) and sends PostgreSQL only new keys: its inserts need no
   * conflict check of their own, nor a table of the keys listed so far.
   */
  keyOf: (record: unknown) => string | undefined;
  columns: Record<string, string>;
  /**
   * The record's keyword words, split by the sync process (cheaper than in SQL). The column expressions see them
   * as `line`: their mask (word-mask.ts), a tab, then the words space-separated (so no word holds a space, a tab or
   * a line break). The distinct words of a task's records join search_word, the vocabulary keywords expand through.
   */
  words?: (record: unknown) => string[];
}

/** A record's field at `path`, read as `->>` reads it: a string as it is, another value as JSON text. */
function field(record: unknown, ...path: string[]): string | undefined {
  let value = record;
  for (const name of path) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[name];
  }
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Fields joined by `|`, absent ones left out (as SQL's concat_ws). */
const joined = (...fields: (string | undefined)[]) => fields.filter((f) => f !== undefined).join('|');

const num = (path: string, type: 'integer' | 'real' | 'numeric') =>
  // spider's "-1" (not applicable) and anything that is not a plain number become NULL
  `CASE WHEN (${path}) ~ '^[0-9]{1,9}(\\.[0-9]+)?$' THEN (${path})::numeric::${type} END`;

/** A coordinate from the record's key/values (Latitude / Longitude), as the mock and real drivers report them. */
const coordinate = (key: string) =>
  `(SELECT (kv->>'Value')::double precision FROM jsonb_array_elements(coalesce(d->'KeyValueList', '[]')) kv
    WHERE kv->>'Key' = '${key}' AND kv->>'Value' ~ '^-?[0-9]+(\\.[0-9]+)?$' LIMIT 1)`;

const OS_FAMILY = `CASE
  WHEN d->>'OSDistribution' ILIKE '%windows%' THEN 'windows'
  WHEN d->>'OSDistribution' ILIKE 'red hat%' THEN 'rhel'
  WHEN d->>'OSDistribution' ILIKE 'amazon linux%' THEN 'amazon-linux'
  WHEN d->>'OSDistribution' ILIKE 'suse%' OR d->>'OSDistribution' ILIKE 'sles%' THEN 'sles'
  WHEN coalesce(d->>'OSDistribution', '') = '' THEN 'unknown'
  ELSE lower(split_part(d->>'OSDistribution', ' ', 1)) END`;

interface ImageFields {
  Name?: unknown;
  OSDistribution?: unknown;
  IId?: { NameId?: unknown } | null;
  OSArchitecture?: unknown;
  OSPlatform?: unknown;
}

const IMAGE_WORD_FIELDS = ['Name', 'OSDistribution', 'NameId', 'OSArchitecture', 'OSPlatform'] as const;

const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46; // a-z 0-9 .

/**
 * An image's keyword words, each once: its name, OS distribution, NameId, architecture and platform lower-cased and
 * split as keywords are (on anything but letters, digits and dots, so `22.04` and `c5.large` stay whole). Split
 * here rather than by a regular expression in PostgreSQL: about a tenth of the sync's database CPU. One scan of the
 * lower-cased text, no regular expression or set: it runs once per image of every sync.
 */
export function imageWords(record: unknown): string[] {
  const image = (record ?? {}) as ImageFields;
  let text = '';
  for (const field of IMAGE_WORD_FIELDS) {
    const value = field === 'NameId' ? image.IId?.NameId : image[field];
    if (value === undefined || value === null) continue;
    text += (text ? ' ' : '') + (typeof value === 'string' ? value : JSON.stringify(value));
  }
  const lower = text.toLowerCase();
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    if (i < lower.length && isWordChar(lower.charCodeAt(i))) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      const word = lower.slice(start, i);
      if (!words.includes(word)) words.push(word);
      start = -1;
    }
  }
  return words;
}

/**
 * Which of a record's words join the vocabulary typos and partial words are expanded to. Ids, build numbers
 * and dates (long digit runs, long tokens) would make it as large as the catalog; they still match typed whole.
 */
export const VOCABULARY_WORD = `length(w) BETWEEN 2 AND 16 AND (w ~ '[a-z]' OR length(w) <= 5)`;

export const CATALOG_TABLES: Record<CatalogKind, CatalogTable> = {
  images: {
    kind: 'images',
    table: 'image',
    keyOf: (d) => field(d, 'IId', 'SystemId') || field(d, 'IId', 'NameId'),
    columns: {
      region: '$3',
      name: `coalesce(nullif(d->>'Name', ''), d->'IId'->>'NameId', '')`,
      // Filter columns are lower-cased so filters match any spelling with plain equality (and honest statistics).
      os_architecture: `lower(coalesce(d->>'OSArchitecture', 'NA'))`,
      os_platform: `lower(coalesce(d->>'OSPlatform', 'NA'))`,
      os_distribution: `coalesce(d->>'OSDistribution', '')`,
      os_family: OS_FAMILY,
      status: `lower(coalesce(d->>'ImageStatus', 'NA'))`,
      words: `string_to_array(split_part(line, E'\\t', 2), ' ')`,
      word_mask: `split_part(line, E'\\t', 1)::bigint`,
      list_order: `hashtext($1 || '/' || k)`,
    },
    words: imageWords,
  },
  specs: {
    kind: 'specs',
    table: 'spec',
    keyOf: (d) => field(d, 'Name'),
    columns: {
      region: `coalesce(nullif(d->>'Region', ''), $3)`,
      name: `d->>'Name'`,
      vcpu: num(`d->'VCpu'->>'Count'`, 'integer'),
      clock_ghz: num(`d->'VCpu'->>'ClockGHz'`, 'real'),
      mem_mib: num(`d->>'MemSizeMiB'`, 'integer'),
      mem_gib: `(${num(`d->>'MemSizeMiB'`, 'real')}) / 1024`,
      disk_gb: num(`d->>'DiskSizeGB'`, 'integer'),
      gpu_count: `coalesce((SELECT sum(${num(`g->>'Count'`, 'integer')}) FROM jsonb_array_elements(coalesce(d->'Gpu', '[]')) g), 0)`,
      gpu_model: `d->'Gpu'->0->>'Model'`,
      architecture: `(SELECT kv->>'Value' FROM jsonb_array_elements(coalesce(d->'KeyValueList', '[]')) kv WHERE kv->>'Key' = 'ProcessorArchitecture' LIMIT 1)`,
      search_text: `lower(concat_ws(' ', d->>'Name', d->'Gpu'->0->>'Model', d->'Gpu'->0->>'Mfr'))`,
    },
  },
  prices: {
    kind: 'prices',
    table: 'price',
    keyOf: (d) =>
      joined(
        field(d, 'ProductFamily'),
        field(d, 'ProductInfo', 'ProductId'),
        field(d, 'PriceInfo', 'OnDemand', 'PricingId'),
        field(d, 'ZoneName'),
      ),
    columns: {
      region: `coalesce(nullif(d->>'RegionName', ''), $3)`,
      product_family: `d->>'ProductFamily'`,
      product_id: `coalesce(d->'ProductInfo'->>'ProductId', '')`,
      zone_name: `d->>'ZoneName'`,
      spec_name: `coalesce(d->'ProductInfo'->'VMSpecInfo'->>'Name', d->'ProductInfo'->>'VMSpecName')`,
      price: num(`d->'PriceInfo'->'OnDemand'->>'Price'`, 'numeric'),
      unit: `d->'PriceInfo'->'OnDemand'->>'Unit'`,
      currency: `d->'PriceInfo'->'OnDemand'->>'Currency'`,
      pricing_id: `d->'PriceInfo'->'OnDemand'->>'PricingId'`,
      description: `d->'ProductInfo'->>'Description'`,
    },
  },
  regions: {
    kind: 'regions',
    table: 'region',
    keyOf: (d) => field(d, 'Name'),
    columns: {
      name: `d->>'Name'`,
      display_name: `d->>'DisplayName'`,
      csp_display_name: `d->>'CSPDisplayName'`,
      latitude: coordinate('Latitude'),
      longitude: coordinate('Longitude'),
      zones: `coalesce(d->'ZoneList', '[]')`,
    },
  },
  productFamilies: {
    kind: 'productFamilies',
    table: 'product_family',
    keyOf: (d) => joined(field(d, 'RegionName'), field(d, 'Name')),
    columns: { region: `coalesce(d->>'RegionName', $3)`, name: `d->>'Name'` },
  },
};
