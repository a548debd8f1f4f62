import type { KeyValue } from '@cb/driver-sdk';
import { InvalidArgumentError } from '@cb/errors';
import { CLOUD_OS_NAMES, cloudOsMeta, type CloudOsMeta } from './cloud-os-catalog';

const FIELD = 'KeyValueInfoList';

/** The provider's metadata; an unknown provider is the caller's mistake, named as such. */
export function requireCloudOs(provider: string): CloudOsMeta {
  const meta = cloudOsMeta(provider);
  if (!meta) {
    throw new InvalidArgumentError(
      `ProviderName '${provider}' is not a supported cloud OS (one of ${CLOUD_OS_NAMES.join(', ')})`,
      { field: 'ProviderName' },
    );
  }
  return meta;
}

interface KeyRules {
  kind: 'credential' | 'region';
  required: string[];
  optional: string[];
  aliases: Record<string, string>;
}

/**
 * Checks key/values against the provider's key names the way upstream does (case-insensitive, CSP
 * spellings mapped to Spider's), and returns them with Spider's spelling of each key. Unknown keys are
 * refused too, so a typo is a 400 now rather than a failed cloud call later.
 */
function checkKeyValues(provider: string, keyValues: KeyValue[], rules: KeyRules): KeyValue[] {
  const canonical = new Map<string, string>();
  for (const key of [...rules.required, ...rules.optional]) canonical.set(key.toLowerCase(), key);
  for (const [alias, key] of Object.entries(rules.aliases)) canonical.set(alias.toLowerCase(), key);

  const seen = new Set<string>();
  const result = keyValues.map((kv, index) => {
    const key = canonical.get(kv.Key.trim().toLowerCase());
    if (!key) {
      const known = [...rules.required, ...rules.optional].join(', ');
      throw new InvalidArgumentError(
        `${FIELD}[${index}].Key: '${kv.Key}' is not a ${rules.kind} key of ${provider} (known: ${known})`,
        { field: `${FIELD}[${index}].Key` },
      );
    }
    if (seen.has(key)) {
      throw new InvalidArgumentError(`${FIELD}[${index}].Key: '${key}' is given twice`, {
        field: `${FIELD}[${index}].Key`,
      });
    }
    seen.add(key);
    return { Key: key, Value: kv.Value };
  });

  for (const key of rules.required) {
    const given = result.find((kv) => kv.Key === key);
    if (!given || !given.Value.trim()) {
      throw new InvalidArgumentError(`${FIELD}: the ${rules.kind} of ${provider} needs a non-empty '${key}'`, {
        field: FIELD,
      });
    }
  }
  return result;
}

export function checkCredentialKeys(provider: string, keyValues: KeyValue[]): KeyValue[] {
  const meta = requireCloudOs(provider);
  return checkKeyValues(provider, keyValues, {
    kind: 'credential',
    required: meta.credential,
    optional: meta.optionalCredential ?? [],
    aliases: meta.credentialCsp ?? {},
  });
}

/** A region needs every region key but `Zone`: a connection may be bound to a region only. */
export function checkRegionKeys(provider: string, keyValues: KeyValue[]): KeyValue[] {
  const meta = requireCloudOs(provider);
  return checkKeyValues(provider, keyValues, {
    kind: 'region',
    required: meta.region.filter((key) => key !== 'Zone'),
    // Upstream's MOCK registrations also send Zone (it is ignored there), so Zone is always accepted.
    optional: ['Zone'],
    aliases: {},
  });
}
