/**
 * Secret scrubbing for anything that leaves the process as text (logs, error reports).
 *
 * Key-based rules cannot be written as fixed pino `redact` paths: credentials sit at any depth
 * (`body.ReqInfo.KeyValueInfoList[3].Value`, `err.config.headers.Authorization`), so this walks the
 * value instead and decides by key name, by upstream's key/value list shape, and by a few value shapes.
 */
export const REDACTED = '[REDACTED]';

/** Fragments of normalized key names (lower case, no `_`/`-`) that mark a secret value. */
const SECRET_KEY_FRAGMENTS = [
  'password',
  'passwd',
  'secret',
  'token',
  'authorization',
  'privatekey',
  'apikey',
  'accesskey',
  'credential',
  'cookie',
  'sessionkey',
];

/** A key that names or points at a secret rather than holding it (`CredentialName`, `SecretRef`). */
const REFERENCE_SUFFIXES = ['name', 'holder', 'ref', 'names'];

/** Lists whose every `Value` is a secret: upstream sends cloud credentials as `KeyValueInfoList`. */
const SECRET_LIST_KEYS = new Set(['keyvalueinfolist']);

const SECRET_VALUE_PATTERNS = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /^\s*(basic|bearer)\s+\S+/i,
  /:\/\/[^/\s:@]+:[^/\s@]+@/, // a URL with user:password@
];

const MAX_DEPTH = 12;

/** An error as plain fields (message and stack are not enumerable), keeping extras such as a request config. */
function errorFields(error: Error): Record<string, unknown> {
  const { cause } = error as { cause?: unknown };
  return {
    type: error.name,
    message: error.message,
    stack: error.stack,
    ...(cause === undefined ? {} : { cause }),
    ...Object.fromEntries(Object.entries(error)),
  };
}

function normalize(key: string): string {
  return key.toLowerCase().replace(/[_\-\s]/g, '');
}

export function isSecretKey(key: string): boolean {
  const normalized = normalize(key);
  if (REFERENCE_SUFFIXES.some((suffix) => normalized.endsWith(suffix))) return false;
  return SECRET_KEY_FRAGMENTS.some((fragment) => normalized.includes(fragment));
}

function isSecretString(value: string): boolean {
  return SECRET_VALUE_PATTERNS.some((pattern) => pattern.test(value));
}

/** Objects whose JSON form is not their own enumerable keys; they are left to serialize themselves. */
function isOpaque(value: object): boolean {
  return ArrayBuffer.isView(value) || value instanceof Map || value instanceof Set || value instanceof RegExp;
}

/** `{ Key: 'ClientSecret', Value: '...' }`: the secret is named by a sibling, not by its own key. */
function keyValuePairName(record: Record<string, unknown>): string | undefined {
  const name = record.Key ?? record.key;
  return typeof name === 'string' && ('Value' in record || 'value' in record) ? name : undefined;
}

function redactValue(value: unknown, depth: number, seen: WeakSet<object>, allValuesSecret: boolean): unknown {
  if (typeof value === 'string') return isSecretString(value) ? REDACTED : value;
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return '[Truncated]';
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, seen, allValuesSecret));
    if (isOpaque(value)) return value;
    if (value instanceof Error) return redactValue(errorFields(value), depth, seen, allValuesSecret);
    // Like JSON.stringify: a toJSON form (Date, entities) is what gets written, so that is what gets scrubbed.
    const toJSON = (value as { toJSON?: () => unknown }).toJSON;
    if (typeof toJSON === 'function') return redactValue(toJSON.call(value), depth + 1, seen, allValuesSecret);
    const record = value as Record<string, unknown>;
    const pairName = keyValuePairName(record);
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(record)) {
      const isPairValue =
        (key === 'Value' || key === 'value') && (allValuesSecret || (pairName !== undefined && isSecretKey(pairName)));
      if ((isSecretKey(key) || isPairValue) && child !== undefined && child !== null && child !== '') {
        out[key] = REDACTED; // a whole object under a secret key goes too: its inner keys need not look secret
      } else {
        out[key] = redactValue(child, depth + 1, seen, SECRET_LIST_KEYS.has(normalize(key)));
      }
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

/**
 * A copy of `value` with secret-looking entries replaced by `[REDACTED]`; the input is not changed.
 * Objects are walked as JSON.stringify would write them (own enumerable keys, or their toJSON form);
 * binary data, maps, sets and regular expressions pass through untouched.
 */
export function redactSecrets<T>(value: T): T {
  return redactValue(value, 0, new WeakSet(), false) as T;
}
